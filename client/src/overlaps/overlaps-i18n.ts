/**
 * Strings of the duplicate-work views (overlaps panel, insights, overlaps list, specialisation map) in
 * Finnish (default), English and Swedish, in the map's language (i18n.ts: getLang, onLanguageChange);
 * kept apart like workshop-i18n.ts so the shared table stays small.
 */
import { getLang, translate, type Lang } from '../i18n';

const fi = {
  'panel.title': 'Päällekkäinen työ muissa kaupungeissa',
  'panel.loading': 'Etsitään päällekkäisiä hankkeita…',
  'panel.failed': 'Päällekkäisyyksien haku epäonnistui: {message}',
  'panel.none': 'Muualla ei ole samankaltaisia hankkeita.',
  'panel.scope': 'Verrataan',
  'panel.scope.city': 'muiden kaupunkien hankkeisiin',
  'panel.scope.region': 'muiden maakuntien hankkeisiin',
  'panel.scope.none': 'kaikkiin hankkeisiin',
  'panel.highlightAll': 'Näytä kartalla',
  'panel.highlightOne': 'Näytä pari kartalla',
  'panel.open': 'Avaa',

  'score.label': 'Päällekkäisyys {percent} %',
  'explanation.enOnly': '(selitys englanniksi)',

  'highlight.summary': 'Korostettu: {projects} hanketta, {cities} kaupunkia',
  'highlight.clear': 'Poista korostus',
  'highlight.back': 'Takaisin näkymään',
  'highlight.missing': '{count} korostettavaa ei ole kartalla (suodatettu tai poistettu)',

  'insight.title': 'Päällekkäisyyshavainnot',
  'insight.none': 'Uusia päällekkäisyyksiä ei ole havaittu tämän istunnon aikana.',
  'insight.show': 'Näytä kartalla',

  'drawer.button': 'Päällekkäisyydet',
  'drawer.buttonHint': 'Päällekkäinen työ kaupunkien välillä ja erikoistumiskartta',
  'drawer.title': 'Päällekkäinen työ',
  'drawer.tab.list': 'Päällekkäiset hankkeet',
  'drawer.tab.heatmap': 'Erikoistuminen',
  'drawer.reload': 'Päivitä',

  'list.city': 'Kaupunki',
  'list.region': 'Maakunta',
  'list.theme': 'Teema',
  'list.from': 'Alkaen',
  'list.to': 'Päättyen',
  'list.minScore': 'Vähintään',
  'list.any': 'Kaikki',
  'list.csv': 'Lataa CSV',
  'list.count': '{shown}/{total} hankeparia',
  'list.none': 'Ei päällekkäisiä hankepareja näillä ehdoilla.',
  'list.loading': 'Haetaan hankepareja…',
  'list.failed': 'Hankeparien haku epäonnistui: {message}',
  'list.highlight': 'Näytä kartalla',
  'list.badPeriod': 'Päättymispäivä ei voi olla ennen alkamispäivää.',

  'heat.by': 'Rivit',
  'heat.by.city': 'Kaupungit',
  'heat.by.region': 'Maakunnat',
  'heat.measure': 'Mittari',
  'heat.measure.projects': 'Hankkeet',
  'heat.measure.organisations': 'Organisaatiot',
  'heat.measure.euros': 'Euroa',
  'heat.place': 'Paikka',
  'heat.loading': 'Lasketaan erikoistumista…',
  'heat.failed': 'Erikoistumisen haku epäonnistui: {message}',
  'heat.empty': 'Hankkeita ei ole vielä liitetty teemoihin ja paikkoihin.',
  'heat.gap': 'aukko',
  'heat.gapHint': 'Kukaan ei tee tätä teemaa',
  'heat.crowded': '{count} paikkaa',
  'heat.crowdedHint': 'Ruuhkainen: 3 tai useampi paikka tekee tätä teemaa',
  'heat.gaps': 'Aukot (teemat, joita mikään paikka ei tee)',
  'heat.crowdedList': 'Ruuhkaiset teemat (3+ paikkaa)',
  'heat.noGaps': 'Ei aukkoja.',
  'heat.noCrowded': 'Ei ruuhkaisia teemoja.',
  'heat.cell': '{place} × {theme}',
  'heat.cellProjects': '{count} hanketta',
  'heat.cellHint': 'Valitse solu nähdäksesi sen hankkeet.',
  'heat.highlight': 'Näytä kartalla',
  'heat.cellLoading': 'Haetaan solun hankkeita…',
  'heat.cellFailed': 'Solun hankkeiden haku epäonnistui: {message}',
  'heat.more': 'Näytä lisää ({shown}/{total})',
  'heat.legend': 'Vähän → paljon',
};

export type OverlapsMsgKey = keyof typeof fi;
type Messages = Record<OverlapsMsgKey, string>;

const en: Messages = {
  'panel.title': 'Duplicate work in other cities',
  'panel.loading': 'Looking for overlapping projects…',
  'panel.failed': 'Could not load overlaps: {message}',
  'panel.none': 'No similar projects elsewhere.',
  'panel.scope': 'Compare with',
  'panel.scope.city': 'projects in other cities',
  'panel.scope.region': 'projects in other regions',
  'panel.scope.none': 'all projects',
  'panel.highlightAll': 'Show on map',
  'panel.highlightOne': 'Show pair on map',
  'panel.open': 'Open',

  'score.label': 'Overlap {percent} %',
  'explanation.enOnly': '(explanation in English)',

  'highlight.summary': 'Highlighted: {projects} projects, {cities} cities',
  'highlight.clear': 'Clear highlight',
  'highlight.back': 'Back to the view',
  'highlight.missing': '{count} of them are not on the map (filtered or deleted)',

  'insight.title': 'Overlap alerts',
  'insight.none': 'No new overlaps found during this session.',
  'insight.show': 'Show on map',

  'drawer.button': 'Overlaps',
  'drawer.buttonHint': 'Duplicate work between cities and the specialisation map',
  'drawer.title': 'Duplicate work',
  'drawer.tab.list': 'Overlapping projects',
  'drawer.tab.heatmap': 'Specialisation',
  'drawer.reload': 'Refresh',

  'list.city': 'City',
  'list.region': 'Region',
  'list.theme': 'Theme',
  'list.from': 'From',
  'list.to': 'To',
  'list.minScore': 'At least',
  'list.any': 'All',
  'list.csv': 'Download CSV',
  'list.count': '{shown}/{total} project pairs',
  'list.none': 'No overlapping project pairs with these filters.',
  'list.loading': 'Loading project pairs…',
  'list.failed': 'Could not load project pairs: {message}',
  'list.highlight': 'Show on map',
  'list.badPeriod': 'The end date cannot be before the start date.',

  'heat.by': 'Rows',
  'heat.by.city': 'Cities',
  'heat.by.region': 'Regions',
  'heat.measure': 'Measure',
  'heat.measure.projects': 'Projects',
  'heat.measure.organisations': 'Organisations',
  'heat.measure.euros': 'Euros',
  'heat.place': 'Place',
  'heat.loading': 'Computing specialisation…',
  'heat.failed': 'Could not load specialisation: {message}',
  'heat.empty': 'No projects are linked to themes and places yet.',
  'heat.gap': 'gap',
  'heat.gapHint': 'Nobody works on this theme',
  'heat.crowded': '{count} places',
  'heat.crowdedHint': 'Crowded: 3 or more places work on this theme',
  'heat.gaps': 'Gaps (themes no place works on)',
  'heat.crowdedList': 'Crowded themes (3+ places)',
  'heat.noGaps': 'No gaps.',
  'heat.noCrowded': 'No crowded themes.',
  'heat.cell': '{place} × {theme}',
  'heat.cellProjects': '{count} projects',
  'heat.cellHint': 'Choose a cell to see its projects.',
  'heat.highlight': 'Show on map',
  'heat.cellLoading': 'Loading the projects of the cell…',
  'heat.cellFailed': 'Could not load the projects of the cell: {message}',
  'heat.more': 'Show more ({shown}/{total})',
  'heat.legend': 'Few → many',
};

const sv: Messages = {
  'panel.title': 'Dubbelarbete i andra städer',
  'panel.loading': 'Söker överlappande projekt…',
  'panel.failed': 'Överlappningarna kunde inte hämtas: {message}',
  'panel.none': 'Inga liknande projekt på andra håll.',
  'panel.scope': 'Jämför med',
  'panel.scope.city': 'projekt i andra städer',
  'panel.scope.region': 'projekt i andra landskap',
  'panel.scope.none': 'alla projekt',
  'panel.highlightAll': 'Visa på kartan',
  'panel.highlightOne': 'Visa paret på kartan',
  'panel.open': 'Öppna',

  'score.label': 'Överlappning {percent} %',
  'explanation.enOnly': '(förklaringen på engelska)',

  'highlight.summary': 'Markerat: {projects} projekt, {cities} städer',
  'highlight.clear': 'Ta bort markeringen',
  'highlight.back': 'Tillbaka till vyn',
  'highlight.missing': '{count} av dem finns inte på kartan (filtrerade eller borttagna)',

  'insight.title': 'Överlappningar upptäckta',
  'insight.none': 'Inga nya överlappningar under den här sessionen.',
  'insight.show': 'Visa på kartan',

  'drawer.button': 'Överlappningar',
  'drawer.buttonHint': 'Dubbelarbete mellan städer och specialiseringskartan',
  'drawer.title': 'Dubbelarbete',
  'drawer.tab.list': 'Överlappande projekt',
  'drawer.tab.heatmap': 'Specialisering',
  'drawer.reload': 'Uppdatera',

  'list.city': 'Stad',
  'list.region': 'Landskap',
  'list.theme': 'Tema',
  'list.from': 'Från',
  'list.to': 'Till',
  'list.minScore': 'Minst',
  'list.any': 'Alla',
  'list.csv': 'Ladda ner CSV',
  'list.count': '{shown}/{total} projektpar',
  'list.none': 'Inga överlappande projektpar med de här filtren.',
  'list.loading': 'Hämtar projektpar…',
  'list.failed': 'Projektparen kunde inte hämtas: {message}',
  'list.highlight': 'Visa på kartan',
  'list.badPeriod': 'Slutdatumet kan inte vara före startdatumet.',

  'heat.by': 'Rader',
  'heat.by.city': 'Städer',
  'heat.by.region': 'Landskap',
  'heat.measure': 'Mått',
  'heat.measure.projects': 'Projekt',
  'heat.measure.organisations': 'Organisationer',
  'heat.measure.euros': 'Euro',
  'heat.place': 'Plats',
  'heat.loading': 'Specialiseringen beräknas…',
  'heat.failed': 'Specialiseringen kunde inte hämtas: {message}',
  'heat.empty': 'Inga projekt är ännu kopplade till teman och platser.',
  'heat.gap': 'lucka',
  'heat.gapHint': 'Ingen arbetar med det här temat',
  'heat.crowded': '{count} platser',
  'heat.crowdedHint': 'Trångt: 3 eller fler platser arbetar med temat',
  'heat.gaps': 'Luckor (teman som ingen plats arbetar med)',
  'heat.crowdedList': 'Trånga teman (3+ platser)',
  'heat.noGaps': 'Inga luckor.',
  'heat.noCrowded': 'Inga trånga teman.',
  'heat.cell': '{place} × {theme}',
  'heat.cellProjects': '{count} projekt',
  'heat.cellHint': 'Välj en cell för att se dess projekt.',
  'heat.highlight': 'Visa på kartan',
  'heat.cellLoading': 'Hämtar cellens projekt…',
  'heat.cellFailed': 'Kunde inte hämta cellens projekt: {message}',
  'heat.more': 'Visa fler ({shown}/{total})',
  'heat.legend': 'Få → många',
};

const MESSAGES: Record<Lang, Messages> = { fi, en, sv };

export function ot(key: OverlapsMsgKey, params?: Record<string, string | number>): string {
  return translate(MESSAGES, key, params);
}

/** The API explains overlaps in Finnish and English; Swedish readers get the English one, marked so. */
export function explanationIn(explanation: { fi: string; en: string }): { text: string; note?: string } {
  const lang = getLang();
  if (lang === 'fi') return { text: explanation.fi };
  if (lang === 'en') return { text: explanation.en };
  return { text: explanation.en, note: ot('explanation.enOnly') };
}
