/**
 * UI strings in Finnish (default), English and Swedish. Every visible string goes through t().
 * The chosen language is remembered in localStorage; views re-render through onLanguageChange().
 */
import type { NodeType } from '../../domain/entities';
import type { RelationshipType } from '../../domain/relationships';

export const LANGUAGES = ['fi', 'en', 'sv'] as const;
export type Lang = (typeof LANGUAGES)[number];

const fi = {
  'app.title': 'Verkosto',
  'app.subtitle': 'Sidosryhmäverkoston live-kartta',
  'app.loading': 'Ladataan verkostoa…',
  'app.loadFailed': 'Verkoston lataus epäonnistui: {message}',
  'app.retry': 'Yritä uudelleen',
  'app.empty': 'Työtilassa ei ole vielä yhtään solmua. Lisää ensimmäinen organisaatio.',
  'app.workspace': 'Työtila',
  'app.language': 'Kieli',
  'app.menu': 'Suodattimet ja selite',
  'app.close': 'Sulje',
  'app.fit': 'Sovita näkymään',
  'app.nodesEdges': '{nodes} solmua · {edges} yhteyttä',
  'app.visibleOf': '{visible}/{total} näkyvissä',

  'lang.fi': 'Suomi',
  'lang.en': 'English',
  'lang.sv': 'Svenska',

  'search.placeholder': 'Hae nimellä…',
  'search.label': 'Haku',
  'search.noResults': 'Ei tuloksia',
  'search.failed': 'Haku epäonnistui, näytetään paikalliset osumat',
  'search.notInGraph': '”{name}” ei ole tässä näkymässä',
  'search.revealed': 'Suodattimet tyhjennettiin, jotta ”{name}” näkyy',

  'layout.label': 'Asettelu',
  'layout.fcose': 'Voimaohjattu',
  'layout.concentric': 'Kehät tyypeittäin',
  'layout.geographic': 'Maantieteellinen',
  'layout.sideColumn': 'Ilman sijaintia',

  'live.connecting': 'Yhdistetään…',
  'live.live': 'Live',
  'live.reconnecting': 'Yhdistetään uudelleen…',
  'live.offline': 'Ei yhteyttä',
  'live.syncing': 'Synkronoidaan…',
  'live.changes': '{count} muutosta',
  'live.recent': 'Viimeisimmät muutokset',
  'live.noRecent': 'Ei muutoksia tämän istunnon aikana',
  'live.caughtUp': '{count} väliin jäänyttä muutosta haettu',
  'live.failed': 'Muutos epäonnistui: {reason}',
  'live.status': 'Yhteyden tila',

  'change.node:created': '{actor} lisäsi: {name}',
  'change.node:updated': '{actor} muokkasi: {name}',
  'change.node:deleted': '{actor} poisti: {name}',
  'change.relationship:created': '{actor} yhdisti: {name}',
  'change.relationship:updated': '{actor} muokkasi yhteyttä: {name}',
  'change.relationship:deleted': '{actor} poisti yhteyden: {name}',
  'change.node:merged': '{actor} yhdisti päällekkäiset: {name}',
  'change.node:unmerged': '{actor} perui yhdistämisen: {name}',
  'change.import:applied': '{actor} toi tiedostosta {name}',
  'change.importCounts': '{nodes} solmua ja {links} yhteyttä',
  'app.workshop': 'Työpaja',
  'app.workshopHint': 'Aloita verkostotyöpaja tästä työtilasta',
  'export.menu': 'Vie',
  'export.hint': 'Lataa kartta kuvana tai tiedot tiedostona (suodattimet huomioiden)',
  'export.view': 'Nykyinen näkymä',
  'export.png': 'Kuva (PNG)',
  'export.svg': 'Vektorikuva (SVG)',
  'export.data': 'Tiedot',
  'export.json': 'JSON (tuonti takaisin)',
  'export.csvNodes': 'CSV: solmut',
  'export.csvLinks': 'CSV: yhteydet',
  'export.xlsx': 'Excel-työkirja',
  'export.graphml': 'GraphML (yEd, Gephi)',
  'export.gexf': 'GEXF (Gephi)',

  'filters.title': 'Suodattimet',
  'filters.types': 'Tyypit',
  'filters.city': 'Kaupunki',
  'filters.region': 'Maakunta',
  'filters.theme': 'Teema',
  'filters.any': 'Kaikki',
  'filters.reset': 'Tyhjennä suodattimet',
  'filters.all': 'Kaikki',
  'filters.none': 'Ei mitään',

  'legend.title': 'Selite',
  'legend.edgeHint': 'Yhteyksien nimet näkyvät, kun osoitat tai valitset.',

  'details.title': 'Tiedot',
  'details.fields': 'Kentät',
  'details.links': 'Yhteydet',
  'details.noLinks': 'Ei yhteyksiä',
  'details.loading': 'Ladataan…',
  'details.loadFailed': 'Tietojen haku epäonnistui: {message}',
  'details.edit': 'Muokkaa',
  'details.delete': 'Poista',
  'details.addLink': 'Lisää yhteys',
  'details.confirmDelete': 'Poistetaanko ”{name}”?',
  'details.deleted': 'Poistettu',
  'details.from': 'Mistä',
  'details.to': 'Mihin',
  'details.empty': 'Valitse solmu tai yhteys nähdäksesi sen tiedot.',
  'details.expand': 'Laajenna',
  'details.collapse': 'Pienennä',

  'form.add': 'Lisää',
  'form.addTitle': 'Lisää uusi',
  'form.editTitle': 'Muokkaa: {name}',
  'form.kind': 'Mitä lisätään',
  'form.kind.organisation': 'Organisaatio',
  'form.kind.project': 'Hanke',
  'form.kind.person': 'Henkilö',
  'form.kind.link': 'Yhteys',
  'form.submit': 'Tallenna',
  'form.saving': 'Tallennetaan…',
  'form.cancel': 'Peruuta',
  'form.none': '— ei valittu —',
  'form.required': 'pakollinen',
  'form.invalid': 'Tarkista merkityt kentät.',
  'form.saved': 'Tallennettu: {name}',
  'form.conflict': 'Joku muu muutti tätä samaan aikaan. Sulje lomake ja avaa se uudelleen.',
  'form.partial': 'Solmu tallennettiin, mutta yhteyden tallennus epäonnistui: {message}',
  'form.noChanges': 'Ei muutoksia',
  'form.endsInvalid': 'Tämä yhteystyyppi ei sovi tälle solmutyypille ({type})',
  'form.notANumber': 'anna luku',
  'form.city': 'Kaupunki',
  'form.lead': 'Vetäjäorganisaatio',
  'form.organisation': 'Organisaatio',
  'form.role': 'Rooli',
  'form.relType': 'Yhteyden tyyppi',
  'form.from': 'Mistä',
  'form.to': 'Mihin',
  'form.editLinkTitle': 'Muokkaa yhteyttä: {name}',
  'form.listHint': 'Yksi riville',
  'form.invalidEmail': 'anna sähköpostiosoite',
  'form.invalidUrl': 'anna verkko-osoite (https://…)',
  'form.endBeforeStart': 'päättymispäivä ei voi olla ennen alkamispäivää',

  'error.network': 'Palvelimeen ei saada yhteyttä',
  'error.generic': 'Virhe: {message}',

  'type.Workspace': 'Työtila',
  'type.Organisation': 'Organisaatio',
  'type.City': 'Kaupunki',
  'type.Region': 'Maakunta',
  'type.Country': 'Maa',
  'type.Project': 'Hanke',
  'type.WorkPackage': 'Työpaketti',
  'type.Person': 'Henkilö',
  'type.Theme': 'Teema',
  'type.Programme': 'Ohjelma',
  'type.Cluster': 'Klusteri',
  'type.SideStream': 'Sivuvirta',

  'rel.LOCATED_IN': 'sijaitsee',
  'rel.IN_REGION': 'kuuluu alueeseen',
  'rel.LEADS': 'vetää',
  'rel.PARTNER_IN': 'kumppanina',
  'rel.FUNDS': 'rahoittaa',
  'rel.FUNDED_BY': 'rahoittajana',
  'rel.WORKS_AT': 'työskentelee',
  'rel.CONTACT_FOR': 'yhteyshenkilö',
  'rel.MEMBER_OF': 'jäsenenä',
  'rel.FOCUSES_ON': 'keskittyy',
  'rel.COOPERATES_WITH': 'tekee yhteistyötä',
  'rel.SUPPLIES': 'toimittaa',
  'rel.PART_OF': 'osa',
  'rel.NEEDS': 'tarvitsee osaamista',
  'rel.OFFERS_TRAINING': 'kouluttaa',
  'rel.PRODUCES': 'tuottaa sivuvirran',

  'orgType.city': 'Kaupunki tai kunta',
  'orgType.regional_council': 'Maakuntaliitto',
  'orgType.university': 'Yliopisto',
  'orgType.university_of_applied_sciences': 'Ammattikorkeakoulu',
  'orgType.vocational_college': 'Ammatillinen oppilaitos',
  'orgType.development_company': 'Kehitysyhtiö',
  'orgType.consultancy': 'Konsulttiyritys',
  'orgType.research_institute': 'Tutkimuslaitos',
  'orgType.funder': 'Rahoittaja',
  'orgType.company': 'Yritys',
  'orgType.cluster_organisation': 'Klusteriorganisaatio',
  'orgType.other': 'Muu',

  'status.planned': 'Suunnitteilla',
  'status.running': 'Käynnissä',
  'status.finished': 'Päättynyt',
  'kind.topic': 'Aihe',
  'kind.skill': 'Osaaminen',

  'field.id': 'Tunniste',
  'field.type': 'Tyyppi',
  'field.name': 'Nimi',
  'field.aliases': 'Muut nimet',
  'field.description': 'Kuvaus',
  'field.website': 'Verkkosivu',
  'field.language': 'Kieli',
  'field.orgType': 'Organisaatiotyyppi',
  'field.businessId': 'Y-tunnus',
  'field.nameEn': 'Nimi englanniksi',
  'field.nameSv': 'Nimi ruotsiksi',
  'field.lat': 'Leveysaste',
  'field.lon': 'Pituusaste',
  'field.code': 'Koodi',
  'field.startDate': 'Alkaa',
  'field.endDate': 'Päättyy',
  'field.budgetEur': 'Budjetti (€)',
  'field.euShareEur': 'EU-osuus (€)',
  'field.goals': 'Tavoitteet',
  'field.status': 'Tila',
  'field.title': 'Tehtävänimike',
  'field.email': 'Sähköposti',
  'field.phone': 'Puhelin',
  'field.kind': 'Laji',
  'field.version': 'Versio',
  'field.createdAt': 'Luotu',
  'field.updatedAt': 'Päivitetty',
  'field.note': 'Huomautus',
  'field.role': 'Rooli',
  'field.material': 'Materiaali',
  'field.tonnesPerYear': 'Tonnia vuodessa',
  'field.level': 'Koulutustaso',
  'field.amountEur': 'Summa (€)',
  'field.source': 'Mistä',
  'field.target': 'Mihin',
  'field.workspaceId': 'Työtila',
};

export type MsgKey = keyof typeof fi;
type Messages = Record<MsgKey, string>;

const en: Messages = {
  'app.title': 'Verkosto',
  'app.subtitle': 'Live stakeholder network map',
  'app.loading': 'Loading the network…',
  'app.loadFailed': 'Could not load the network: {message}',
  'app.retry': 'Retry',
  'app.empty': 'This workspace has no nodes yet. Add the first organisation.',
  'app.workspace': 'Workspace',
  'app.language': 'Language',
  'app.menu': 'Filters and legend',
  'app.close': 'Close',
  'app.fit': 'Fit to view',
  'app.nodesEdges': '{nodes} nodes · {edges} links',
  'app.visibleOf': '{visible}/{total} visible',

  'lang.fi': 'Suomi',
  'lang.en': 'English',
  'lang.sv': 'Svenska',

  'search.placeholder': 'Search by name…',
  'search.label': 'Search',
  'search.noResults': 'No results',
  'search.failed': 'Search failed, showing local matches',
  'search.notInGraph': '“{name}” is not in this view',
  'search.revealed': 'Filters were cleared so that “{name}” is visible',

  'layout.label': 'Layout',
  'layout.fcose': 'Force-directed',
  'layout.concentric': 'Rings by type',
  'layout.geographic': 'Geographic',
  'layout.sideColumn': 'No location',

  'live.connecting': 'Connecting…',
  'live.live': 'Live',
  'live.reconnecting': 'Reconnecting…',
  'live.offline': 'Offline',
  'live.syncing': 'Syncing…',
  'live.changes': '{count} changes',
  'live.recent': 'Recent changes',
  'live.noRecent': 'No changes during this session',
  'live.caughtUp': 'Caught up with {count} missed changes',
  'live.failed': 'A change failed: {reason}',
  'live.status': 'Connection status',

  'change.node:created': '{actor} added {name}',
  'change.node:updated': '{actor} edited {name}',
  'change.node:deleted': '{actor} deleted {name}',
  'change.relationship:created': '{actor} linked {name}',
  'change.relationship:updated': '{actor} edited link {name}',
  'change.relationship:deleted': '{actor} removed link {name}',
  'change.node:merged': '{actor} merged duplicates: {name}',
  'change.node:unmerged': '{actor} undid a merge: {name}',
  'change.import:applied': '{actor} imported {name}',
  'change.importCounts': '{nodes} nodes and {links} links',
  'app.workshop': 'Workshop',
  'app.workshopHint': 'Start a network-mapping workshop on this workspace',
  'export.menu': 'Export',
  'export.hint': 'Download the map as a picture or the data as a file (with the filters in use)',
  'export.view': 'Current view',
  'export.png': 'Picture (PNG)',
  'export.svg': 'Vector picture (SVG)',
  'export.data': 'Data',
  'export.json': 'JSON (imports back)',
  'export.csvNodes': 'CSV: nodes',
  'export.csvLinks': 'CSV: links',
  'export.xlsx': 'Excel workbook',
  'export.graphml': 'GraphML (yEd, Gephi)',
  'export.gexf': 'GEXF (Gephi)',

  'filters.title': 'Filters',
  'filters.types': 'Types',
  'filters.city': 'City',
  'filters.region': 'Region',
  'filters.theme': 'Theme',
  'filters.any': 'All',
  'filters.reset': 'Clear filters',
  'filters.all': 'All',
  'filters.none': 'None',

  'legend.title': 'Legend',
  'legend.edgeHint': 'Link names show on hover or selection.',

  'details.title': 'Details',
  'details.fields': 'Fields',
  'details.links': 'Links',
  'details.noLinks': 'No links',
  'details.loading': 'Loading…',
  'details.loadFailed': 'Could not load details: {message}',
  'details.edit': 'Edit',
  'details.delete': 'Delete',
  'details.addLink': 'Add link',
  'details.confirmDelete': 'Delete “{name}”?',
  'details.deleted': 'Deleted',
  'details.from': 'From',
  'details.to': 'To',
  'details.empty': 'Select a node or link to see its details.',
  'details.expand': 'Expand',
  'details.collapse': 'Collapse',

  'form.add': 'Add',
  'form.addTitle': 'Add new',
  'form.editTitle': 'Edit: {name}',
  'form.kind': 'What to add',
  'form.kind.organisation': 'Organisation',
  'form.kind.project': 'Project',
  'form.kind.person': 'Person',
  'form.kind.link': 'Link',
  'form.submit': 'Save',
  'form.saving': 'Saving…',
  'form.cancel': 'Cancel',
  'form.none': '— none —',
  'form.required': 'required',
  'form.invalid': 'Please check the marked fields.',
  'form.saved': 'Saved: {name}',
  'form.conflict': 'Someone else changed this meanwhile. Close the form and open it again.',
  'form.partial': 'The node was saved but saving its link failed: {message}',
  'form.noChanges': 'No changes',
  'form.endsInvalid': 'This link type does not fit this node type ({type})',
  'form.notANumber': 'enter a number',
  'form.city': 'City',
  'form.lead': 'Lead organisation',
  'form.organisation': 'Organisation',
  'form.role': 'Role',
  'form.relType': 'Link type',
  'form.from': 'From',
  'form.to': 'To',
  'form.editLinkTitle': 'Edit link: {name}',
  'form.listHint': 'One per line',
  'form.invalidEmail': 'enter an email address',
  'form.invalidUrl': 'enter a web address (https://…)',
  'form.endBeforeStart': 'the end date cannot be before the start date',

  'error.network': 'Cannot reach the server',
  'error.generic': 'Error: {message}',

  'type.Workspace': 'Workspace',
  'type.Organisation': 'Organisation',
  'type.City': 'City',
  'type.Region': 'Region',
  'type.Country': 'Country',
  'type.Project': 'Project',
  'type.WorkPackage': 'Work package',
  'type.Person': 'Person',
  'type.Theme': 'Theme',
  'type.Programme': 'Programme',
  'type.Cluster': 'Cluster',
  'type.SideStream': 'Side stream',

  'rel.LOCATED_IN': 'located in',
  'rel.IN_REGION': 'in region',
  'rel.LEADS': 'leads',
  'rel.PARTNER_IN': 'partner in',
  'rel.FUNDS': 'funds',
  'rel.FUNDED_BY': 'funded by',
  'rel.WORKS_AT': 'works at',
  'rel.CONTACT_FOR': 'contact for',
  'rel.MEMBER_OF': 'member of',
  'rel.FOCUSES_ON': 'focuses on',
  'rel.COOPERATES_WITH': 'cooperates with',
  'rel.SUPPLIES': 'supplies',
  'rel.PART_OF': 'part of',
  'rel.NEEDS': 'needs competence',
  'rel.OFFERS_TRAINING': 'offers training in',
  'rel.PRODUCES': 'produces side stream',

  'orgType.city': 'City or municipality',
  'orgType.regional_council': 'Regional council',
  'orgType.university': 'University',
  'orgType.university_of_applied_sciences': 'University of applied sciences',
  'orgType.vocational_college': 'Vocational college',
  'orgType.development_company': 'Development company',
  'orgType.consultancy': 'Consultancy',
  'orgType.research_institute': 'Research institute',
  'orgType.funder': 'Funder',
  'orgType.company': 'Company',
  'orgType.cluster_organisation': 'Cluster organisation',
  'orgType.other': 'Other',

  'status.planned': 'Planned',
  'status.running': 'Running',
  'status.finished': 'Finished',
  'kind.topic': 'Topic',
  'kind.skill': 'Skill',

  'field.id': 'Id',
  'field.type': 'Type',
  'field.name': 'Name',
  'field.aliases': 'Other names',
  'field.description': 'Description',
  'field.website': 'Website',
  'field.language': 'Language',
  'field.orgType': 'Organisation type',
  'field.businessId': 'Business id',
  'field.nameEn': 'Name in English',
  'field.nameSv': 'Name in Swedish',
  'field.lat': 'Latitude',
  'field.lon': 'Longitude',
  'field.code': 'Code',
  'field.startDate': 'Starts',
  'field.endDate': 'Ends',
  'field.budgetEur': 'Budget (€)',
  'field.euShareEur': 'EU share (€)',
  'field.goals': 'Goals',
  'field.status': 'Status',
  'field.title': 'Job title',
  'field.email': 'Email',
  'field.phone': 'Phone',
  'field.kind': 'Kind',
  'field.version': 'Version',
  'field.createdAt': 'Created',
  'field.updatedAt': 'Updated',
  'field.note': 'Note',
  'field.role': 'Role',
  'field.material': 'Material',
  'field.tonnesPerYear': 'Tonnes per year',
  'field.level': 'Training level',
  'field.amountEur': 'Amount (€)',
  'field.source': 'From',
  'field.target': 'To',
  'field.workspaceId': 'Workspace',
};

const sv: Messages = {
  'app.title': 'Verkosto',
  'app.subtitle': 'Levande karta över intressentnätverket',
  'app.loading': 'Nätverket laddas…',
  'app.loadFailed': 'Nätverket kunde inte laddas: {message}',
  'app.retry': 'Försök igen',
  'app.empty': 'Arbetsytan har ännu inga noder. Lägg till den första organisationen.',
  'app.workspace': 'Arbetsyta',
  'app.language': 'Språk',
  'app.menu': 'Filter och teckenförklaring',
  'app.close': 'Stäng',
  'app.fit': 'Anpassa till vyn',
  'app.nodesEdges': '{nodes} noder · {edges} kopplingar',
  'app.visibleOf': '{visible}/{total} synliga',

  'lang.fi': 'Suomi',
  'lang.en': 'English',
  'lang.sv': 'Svenska',

  'search.placeholder': 'Sök med namn…',
  'search.label': 'Sök',
  'search.noResults': 'Inga träffar',
  'search.failed': 'Sökningen misslyckades, visar lokala träffar',
  'search.notInGraph': '”{name}” finns inte i den här vyn',
  'search.revealed': 'Filtren rensades så att ”{name}” syns',

  'layout.label': 'Layout',
  'layout.fcose': 'Kraftstyrd',
  'layout.concentric': 'Ringar per typ',
  'layout.geographic': 'Geografisk',
  'layout.sideColumn': 'Utan plats',

  'live.connecting': 'Ansluter…',
  'live.live': 'Live',
  'live.reconnecting': 'Återansluter…',
  'live.offline': 'Ingen anslutning',
  'live.syncing': 'Synkroniserar…',
  'live.changes': '{count} ändringar',
  'live.recent': 'Senaste ändringar',
  'live.noRecent': 'Inga ändringar under den här sessionen',
  'live.caughtUp': '{count} missade ändringar hämtades',
  'live.failed': 'En ändring misslyckades: {reason}',
  'live.status': 'Anslutningens status',

  'change.node:created': '{actor} lade till {name}',
  'change.node:updated': '{actor} ändrade {name}',
  'change.node:deleted': '{actor} tog bort {name}',
  'change.relationship:created': '{actor} kopplade {name}',
  'change.relationship:updated': '{actor} ändrade kopplingen {name}',
  'change.relationship:deleted': '{actor} tog bort kopplingen {name}',
  'change.node:merged': '{actor} slog ihop dubbletter: {name}',
  'change.node:unmerged': '{actor} ångrade en sammanslagning: {name}',
  'change.import:applied': '{actor} importerade {name}',
  'change.importCounts': '{nodes} noder och {links} länkar',
  'app.workshop': 'Workshop',
  'app.workshopHint': 'Starta en nätverksworkshop i den här arbetsytan',
  'export.menu': 'Exportera',
  'export.hint': 'Ladda ner kartan som bild eller uppgifterna som fil (med filtren som används)',
  'export.view': 'Aktuell vy',
  'export.png': 'Bild (PNG)',
  'export.svg': 'Vektorbild (SVG)',
  'export.data': 'Uppgifter',
  'export.json': 'JSON (kan importeras tillbaka)',
  'export.csvNodes': 'CSV: noder',
  'export.csvLinks': 'CSV: kopplingar',
  'export.xlsx': 'Excel-arbetsbok',
  'export.graphml': 'GraphML (yEd, Gephi)',
  'export.gexf': 'GEXF (Gephi)',

  'filters.title': 'Filter',
  'filters.types': 'Typer',
  'filters.city': 'Stad',
  'filters.region': 'Landskap',
  'filters.theme': 'Tema',
  'filters.any': 'Alla',
  'filters.reset': 'Rensa filter',
  'filters.all': 'Alla',
  'filters.none': 'Inga',

  'legend.title': 'Teckenförklaring',
  'legend.edgeHint': 'Kopplingarnas namn visas när du pekar eller väljer.',

  'details.title': 'Uppgifter',
  'details.fields': 'Fält',
  'details.links': 'Kopplingar',
  'details.noLinks': 'Inga kopplingar',
  'details.loading': 'Laddar…',
  'details.loadFailed': 'Uppgifterna kunde inte hämtas: {message}',
  'details.edit': 'Redigera',
  'details.delete': 'Ta bort',
  'details.addLink': 'Lägg till koppling',
  'details.confirmDelete': 'Ta bort ”{name}”?',
  'details.deleted': 'Borttagen',
  'details.from': 'Från',
  'details.to': 'Till',
  'details.empty': 'Välj en nod eller koppling för att se uppgifterna.',
  'details.expand': 'Förstora',
  'details.collapse': 'Förminska',

  'form.add': 'Lägg till',
  'form.addTitle': 'Lägg till ny',
  'form.editTitle': 'Redigera: {name}',
  'form.kind': 'Vad läggs till',
  'form.kind.organisation': 'Organisation',
  'form.kind.project': 'Projekt',
  'form.kind.person': 'Person',
  'form.kind.link': 'Koppling',
  'form.submit': 'Spara',
  'form.saving': 'Sparar…',
  'form.cancel': 'Avbryt',
  'form.none': '— ingen —',
  'form.required': 'obligatoriskt',
  'form.invalid': 'Kontrollera de markerade fälten.',
  'form.saved': 'Sparat: {name}',
  'form.conflict': 'Någon annan ändrade det här samtidigt. Stäng formuläret och öppna det igen.',
  'form.partial': 'Noden sparades men kopplingen kunde inte sparas: {message}',
  'form.noChanges': 'Inga ändringar',
  'form.endsInvalid': 'Den här kopplingstypen passar inte nodtypen ({type})',
  'form.notANumber': 'ange ett tal',
  'form.city': 'Stad',
  'form.lead': 'Ledande organisation',
  'form.organisation': 'Organisation',
  'form.role': 'Roll',
  'form.relType': 'Kopplingstyp',
  'form.from': 'Från',
  'form.to': 'Till',
  'form.editLinkTitle': 'Redigera kopplingen: {name}',
  'form.listHint': 'En per rad',
  'form.invalidEmail': 'ange en e-postadress',
  'form.invalidUrl': 'ange en webbadress (https://…)',
  'form.endBeforeStart': 'slutdatumet kan inte vara före startdatumet',

  'error.network': 'Servern kan inte nås',
  'error.generic': 'Fel: {message}',

  'type.Workspace': 'Arbetsyta',
  'type.Organisation': 'Organisation',
  'type.City': 'Stad',
  'type.Region': 'Landskap',
  'type.Country': 'Land',
  'type.Project': 'Projekt',
  'type.WorkPackage': 'Arbetspaket',
  'type.Person': 'Person',
  'type.Theme': 'Tema',
  'type.Programme': 'Program',
  'type.Cluster': 'Kluster',
  'type.SideStream': 'Sidoström',

  'rel.LOCATED_IN': 'ligger i',
  'rel.IN_REGION': 'hör till',
  'rel.LEADS': 'leder',
  'rel.PARTNER_IN': 'partner i',
  'rel.FUNDS': 'finansierar',
  'rel.FUNDED_BY': 'finansieras av',
  'rel.WORKS_AT': 'arbetar vid',
  'rel.CONTACT_FOR': 'kontaktperson för',
  'rel.MEMBER_OF': 'medlem i',
  'rel.FOCUSES_ON': 'fokuserar på',
  'rel.COOPERATES_WITH': 'samarbetar med',
  'rel.SUPPLIES': 'levererar till',
  'rel.PART_OF': 'del av',
  'rel.NEEDS': 'behöver kompetens',
  'rel.OFFERS_TRAINING': 'utbildar i',
  'rel.PRODUCES': 'producerar sidoström',

  'orgType.city': 'Stad eller kommun',
  'orgType.regional_council': 'Landskapsförbund',
  'orgType.university': 'Universitet',
  'orgType.university_of_applied_sciences': 'Yrkeshögskola',
  'orgType.vocational_college': 'Yrkesinstitut',
  'orgType.development_company': 'Utvecklingsbolag',
  'orgType.consultancy': 'Konsultföretag',
  'orgType.research_institute': 'Forskningsinstitut',
  'orgType.funder': 'Finansiär',
  'orgType.company': 'Företag',
  'orgType.cluster_organisation': 'Klusterorganisation',
  'orgType.other': 'Annan',

  'status.planned': 'Planerat',
  'status.running': 'Pågående',
  'status.finished': 'Avslutat',
  'kind.topic': 'Ämne',
  'kind.skill': 'Kompetens',

  'field.id': 'Id',
  'field.type': 'Typ',
  'field.name': 'Namn',
  'field.aliases': 'Andra namn',
  'field.description': 'Beskrivning',
  'field.website': 'Webbplats',
  'field.language': 'Språk',
  'field.orgType': 'Organisationstyp',
  'field.businessId': 'FO-nummer',
  'field.nameEn': 'Namn på engelska',
  'field.nameSv': 'Namn på svenska',
  'field.lat': 'Latitud',
  'field.lon': 'Longitud',
  'field.code': 'Kod',
  'field.startDate': 'Börjar',
  'field.endDate': 'Slutar',
  'field.budgetEur': 'Budget (€)',
  'field.euShareEur': 'EU-andel (€)',
  'field.goals': 'Mål',
  'field.status': 'Status',
  'field.title': 'Titel',
  'field.email': 'E-post',
  'field.phone': 'Telefon',
  'field.kind': 'Slag',
  'field.version': 'Version',
  'field.createdAt': 'Skapad',
  'field.updatedAt': 'Uppdaterad',
  'field.note': 'Anteckning',
  'field.role': 'Roll',
  'field.material': 'Material',
  'field.tonnesPerYear': 'Ton per år',
  'field.level': 'Utbildningsnivå',
  'field.amountEur': 'Belopp (€)',
  'field.source': 'Från',
  'field.target': 'Till',
  'field.workspaceId': 'Arbetsyta',
};

const MESSAGES: Record<Lang, Messages> = { fi, en, sv };
const STORAGE_KEY = 'verkosto.lang';
const LOCALES: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

function initialLang(): Lang {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    if (isLang(fromUrl)) return fromUrl;
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    /* storage may be blocked */
  }
  return 'fi';
}

let current: Lang = initialLang();
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function locale(): string {
  return LOCALES[current];
}

export function setLang(lang: Lang): void {
  if (!isLang(lang) || lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/** Calls back after every language switch; returns an unsubscribe function. */
export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A text from per-language tables (this file's, or a feature's own) in the current language, Finnish
 * when that language lacks it, the key when both do; {placeholders} filled from params, unknown ones kept.
 */
export function translate<K extends string>(tables: Record<Lang, Partial<Record<K, string>>>, key: K, params: Record<string, string | number> = {}): string {
  const text = tables[current][key] ?? tables.fi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function t(key: MsgKey, params?: Record<string, string | number>): string {
  return translate(MESSAGES, key, params);
}

/** True when a string is a known message key (for dynamic keys like field.* of unknown fields). */
export function hasKey(key: string): key is MsgKey {
  return key in fi;
}

export function typeLabel(type: NodeType | string): string {
  const key = `type.${type}`;
  return hasKey(key) ? t(key) : type;
}

export function relLabel(type: RelationshipType | string): string {
  const key = `rel.${type}`;
  return hasKey(key) ? t(key) : type;
}

export function fieldLabel(field: string): string {
  const key = `field.${field}`;
  return hasKey(key) ? t(key) : field;
}

/** Translates a field's enum value when a label exists (orgType, status, kind). */
export function valueLabel(field: string, value: string): string {
  const key = `${field}.${value}`;
  if (field === 'orgType' || field === 'status' || field === 'kind') {
    if (hasKey(key)) return t(key);
  }
  return value;
}

export function formatNumber(n: number, currency = false): string {
  try {
    return new Intl.NumberFormat(locale(), currency ? { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 } : {}).format(n);
  } catch {
    return String(n);
  }
}

/** One formatter per locale: building an Intl.DateTimeFormat costs far more than formatting with it. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    const loc = locale();
    let format = dateTimeFormats.get(loc);
    if (!format) dateTimeFormats.set(loc, (format = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' })));
    return format.format(d);
  } catch {
    return iso;
  }
}

export function formatDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const d = new Date(`${isoDate}T00:00:00`);
  if (Number.isNaN(d.getTime())) return isoDate;
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(d);
  } catch {
    return isoDate;
  }
}

/** Sets textContent / placeholder / title / aria-label of elements marked with data-i18n* attributes. */
export function translateDom(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    const key = el.dataset.i18n;
    if (key && hasKey(key)) el.textContent = t(key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => {
    const key = el.dataset.i18nPlaceholder;
    if (key && hasKey(key) && 'placeholder' in el) (el as HTMLInputElement).placeholder = t(key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    const key = el.dataset.i18nTitle;
    if (key && hasKey(key)) {
      el.title = t(key);
      el.setAttribute('aria-label', t(key));
    }
  });
  document.title = `${t('app.title')} – ${t('app.subtitle')}`;
}

document.documentElement.lang = current;
