/**
 * The demo network a fresh start loads: real Finnish and Nordic battery, metal and circular-economy
 * cooperation, from the public pages summarised in shared/seed-network/README.md (2018-2025).
 *
 * Names stay in their original language (Finnish / Swedish); English and other names go to nameEn,
 * nameSv and aliases. People carry name, title and organisation only: no e-mail or phone, ever.
 * Nothing here is invented: where a fact is missing (a project's period, an organisation's city) the
 * field or relationship is left out rather than guessed.
 */
import type { z } from 'zod';
import type { NODE_FIELDS, NodeType } from '../../domain/entities';
import type { RelationshipProps, RelationshipType } from '../../domain/relationships';

export const DEMO_WORKSPACE = {
  id: 'demo',
  props: {
    name: 'Akku- ja kiertotalousverkosto (demo)',
    description:
      'Esimerkkiverkosto todellisesta suomalaisesta ja pohjoismaisesta yhteistyöstä akku-, teknologiametalli- ja ' +
      'kiertotalousaloilla (2018–2025): Satakunnan akku- ja teknologiametalliklusteri, innokaupunkien ' +
      'Akkukemian vetovastuuhanke, Lapin ABC-hanke ja Arktisen teollisuuden ja kiertotalouden klusteri sekä ' +
      'suomalais-ruotsalainen Battery Region -osaamishanke. Tiedot julkisilta verkkosivuilta; henkilöistä vain ' +
      'nimi, organisaatio ja rooli.',
    language: 'fi' as const,
  },
};

export interface SeedNode {
  type: NodeType;
  id: string;
  props: Record<string, unknown>;
}

export interface SeedRelationship {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  props?: RelationshipProps;
}

/** Props as the node type's schema accepts them (checked by the compiler, validated again by the tests). */
type PropsOf<T extends NodeType> = z.input<(typeof NODE_FIELDS)[T]>;

function node<T extends NodeType>(type: T, id: string, props: PropsOf<T>): SeedNode {
  return { type, id, props: props as Record<string, unknown> };
}

/** Relationship ids are readable and stable: "<from>--<type>--<to>". */
function rel(type: RelationshipType, from: string, to: string, props?: RelationshipProps): SeedRelationship {
  const id = `${from}--${type.toLowerCase().replace(/_/g, '-')}--${to}`;
  return props ? { id, type, from, to, props } : { id, type, from, to };
}

// ---------------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------------

const countries: SeedNode[] = [
  node('Country', 'country-fi', { name: 'Suomi', code: 'FI', aliases: ['Finland', 'Republiken Finland'] }),
  node('Country', 'country-se', { name: 'Sverige', code: 'SE', aliases: ['Sweden', 'Ruotsi'] }),
];

/** [id, name, nameEn, other names (Swedish / Finnish), country id] */
const REGIONS: ReadonlyArray<readonly [string, string, string, string[], string]> = [
  ['region-satakunta', 'Satakunta', 'Satakunta', [], 'country-fi'],
  ['region-keski-pohjanmaa', 'Keski-Pohjanmaa', 'Central Ostrobothnia', ['Mellersta Österbotten'], 'country-fi'],
  ['region-pohjanmaa', 'Pohjanmaa', 'Ostrobothnia', ['Österbotten'], 'country-fi'],
  ['region-varsinais-suomi', 'Varsinais-Suomi', 'Southwest Finland', ['Egentliga Finland'], 'country-fi'],
  ['region-etela-karjala', 'Etelä-Karjala', 'South Karelia', ['Södra Karelen'], 'country-fi'],
  ['region-keski-suomi', 'Keski-Suomi', 'Central Finland', ['Mellersta Finland'], 'country-fi'],
  ['region-pohjois-savo', 'Pohjois-Savo', 'North Savo', ['Norra Savolax'], 'country-fi'],
  ['region-lappi', 'Lappi', 'Lapland', ['Lappland'], 'country-fi'],
  ['region-pohjois-pohjanmaa', 'Pohjois-Pohjanmaa', 'North Ostrobothnia', ['Norra Österbotten'], 'country-fi'],
  ['region-pirkanmaa', 'Pirkanmaa', 'Pirkanmaa', ['Tampere Region', 'Birkaland'], 'country-fi'],
  ['region-vasterbotten', 'Västerbotten', 'Västerbotten', ['Västerbottens län'], 'country-se'],
];

const regions: SeedNode[] = REGIONS.map(([id, name, nameEn, aliases]) =>
  node('Region', id, aliases.length ? { name, nameEn, aliases } : { name, nameEn }),
);

/** [id, name, nameSv, lat, lon, region id, description] — city-centre coordinates (WGS 84). */
const CITIES: ReadonlyArray<readonly [string, string, string, number, number, string, string?]> = [
  ['city-pori', 'Pori', 'Björneborg', 61.4851, 21.7974, 'region-satakunta',
    'Satakunnan akku- ja teknologiametalliklusterin keskus; Akkukemian vetovastuuhankkeen yhteistyökaupunki.'],
  ['city-kokkola', 'Kokkola', 'Karleby', 63.8385, 23.1307, 'region-keski-pohjanmaa',
    'Akkukemian vetovastuuhankkeen vetäjäkaupunki (Kokkolan kaupunki).'],
  ['city-vaasa', 'Vaasa', 'Vasa', 63.0951, 21.6165, 'region-pohjanmaa',
    'Akkukemian vetovastuuhankkeen yhteistyökaupunki. Battery Region -hankkeen taustatiedon mukaan Vaasaan ' +
      'suunniteltiin akkutehdasta.'],
  ['city-turku', 'Turku', 'Åbo', 60.4518, 22.2666, 'region-varsinais-suomi',
    'Akkukemian vetovastuuhankkeen yhteistyökaupunki.'],
  ['city-lappeenranta', 'Lappeenranta', 'Villmanstrand', 61.0587, 28.1887, 'region-etela-karjala',
    'Akkukemian vetovastuuhankkeen yhteistyökaupunki.'],
  ['city-jyvaskyla', 'Jyväskylä', 'Jyväskylä', 62.2426, 25.7473, 'region-keski-suomi',
    'Akkukemian vetovastuuhankkeen yhteistyökaupunki.'],
  ['city-kuopio', 'Kuopio', 'Kuopio', 62.8924, 27.677, 'region-pohjois-savo',
    'Akkukemian vetovastuuhankkeen yhteistyökaupunki.'],
  ['city-kemi', 'Kemi', 'Kemi', 65.7365, 24.5637, 'region-lappi',
    'Kemi-Tornion raskaan teollisuuden keskittymä: noin 1,7 miljoonaa tonnia sivuvirtoja ja jäämiä vuodessa. ' +
      'Suomen ensimmäinen teollinen kierto- ja biotalouden keskus (Sitran päätös kesäkuussa 2017).'],
  ['city-tornio', 'Tornio', 'Torneå', 65.8481, 24.1466, 'region-lappi',
    'Osa Kemi-Tornion teollisuuskeskittymää (noin 1,7 miljoonaa tonnia sivuvirtoja ja jäämiä vuodessa).'],
  ['city-rovaniemi', 'Rovaniemi', 'Rovaniemi', 66.5039, 25.7294, 'region-lappi',
    'Lapin hallinnollinen keskus ja Suomen kaivosteollisuuden aluehallinnon keskus.'],
  ['city-oulu', 'Oulu', 'Uleåborg', 65.0121, 25.4651, 'region-pohjois-pohjanmaa'],
  ['city-tampere', 'Tampere', 'Tammerfors', 61.4978, 23.761, 'region-pirkanmaa'],
  ['city-skelleftea', 'Skellefteå', 'Skellefteå', 64.7507, 20.9528, 'region-vasterbotten',
    'Northvoltin akkutehdas; Battery Region -hankkeen taustatiedon mukaan tuotannon oli määrä alkaa ' +
      'alkuvuodesta 2022.'],
];

const cities: SeedNode[] = CITIES.map(([id, name, nameSv, lat, lon, , description]) =>
  node('City', id, description ? { name, nameSv, lat, lon, description } : { name, nameSv, lat, lon }),
);

// ---------------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------------

const organisations: SeedNode[] = [
  node('Organisation', 'org-prizztech', {
    name: 'Prizztech Oy',
    orgType: 'development_company',
    description:
      'Porilainen kehitysyhtiö; toteutti hankkeen "Kasvua sähköistymisestä teknologiametalliklusteriin" ' +
      '(Satakunnan akku- ja teknologiametalliklusteri).',
  }),
  node('Organisation', 'org-satakuntaliitto', {
    name: 'Satakuntaliitto',
    orgType: 'regional_council',
    nameEn: 'Regional Council of Satakunta',
    aliases: ['Regional Council of Satakunta', 'Satakunta förbund'],
    description: 'Satakunnan maakuntaliitto; rahoitti Prizztechin teknologiametalliklusterihanketta EAKR-varoin.',
  }),
  node('Organisation', 'org-eakr', {
    name: 'Euroopan aluekehitysrahasto',
    orgType: 'funder',
    nameEn: 'European Regional Development Fund',
    nameSv: 'Europeiska regionala utvecklingsfonden',
    aliases: ['EAKR', 'ERDF', 'European Regional Development Fund', 'ERUF'],
    description: 'EU:n rakennerahasto; hankkeiden EAKR-rahoitus myönnetään maakuntaliittojen kautta.',
  }),
  node('Organisation', 'org-miltton-networks', {
    name: 'Miltton Networks Oy',
    orgType: 'consultancy',
    description:
      'Konsulttiyhtiö, joka laati "Satakunnan akku- ja teknologiametalliklusterin kasvun tiekartan" (julkaistu ' +
      '2021-11-08) klusterin yritysten ja sidosryhmien haastattelujen pohjalta.',
  }),
  node('Organisation', 'org-pirkanmaan-liitto', {
    name: 'Pirkanmaan liitto',
    orgType: 'regional_council',
    nameEn: 'Council of Tampere Region',
    nameSv: 'Birkalands förbund',
    aliases: ['Council of Tampere Region', 'Birkalands förbund'],
    description:
      'Maakuntaliitto; rahoittaa ja koordinoi kansallisesti innokaupunkien kuutta vetovastuuhanketta EAKR- ja ' +
      'valtion varoin.',
  }),
  node('Organisation', 'org-kokkolan-kaupunki', {
    name: 'Kokkolan kaupunki',
    orgType: 'city',
    nameEn: 'City of Kokkola',
    nameSv: 'Karleby stad',
    aliases: ['City of Kokkola', 'Karleby stad'],
    description: 'Akkukemian vetovastuuhankkeen päätoteuttaja.',
  }),
  node('Organisation', 'org-oulun-yliopisto', {
    name: 'Oulun yliopisto',
    orgType: 'university',
    nameEn: 'University of Oulu',
    nameSv: 'Uleåborgs universitet',
    aliases: ['University of Oulu', 'Uleåborgs universitet'],
    description: 'Osatoteuttaja Akkukemian vetovastuuhankkeessa Kokkolan yliopistokeskus Chydeniuksen kautta.',
  }),
  node('Organisation', 'org-chydenius', {
    name: 'Kokkolan yliopistokeskus Chydenius',
    orgType: 'university',
    nameEn: 'Kokkola University Consortium Chydenius',
    nameSv: 'Karleby universitetscenter Chydenius',
    aliases: ['Kokkola University Consortium Chydenius', 'Chydenius', 'Oulun yliopisto / Kokkolan yliopistokeskus Chydenius'],
    description:
      'Oulun yliopiston yksikkö Kokkolassa. Akkukemian vetovastuuhankkeessa vastuulla kansainvälinen akkukemian ' +
      'huippuosaaminen, vaikuttavuus ja näkyvyys.',
  }),
  node('Organisation', 'org-centria', {
    name: 'Centria-ammattikorkeakoulu',
    orgType: 'university_of_applied_sciences',
    nameEn: 'Centria University of Applied Sciences',
    aliases: ['Centria University of Applied Sciences', 'Centria'],
    description:
      'Akkukemian vetovastuuhankkeen osatoteuttaja: kansallinen ja alueellinen osaaminen, markkinointi, ' +
      'oppilaitosverkosto TKI-toimintaan, teknologiansiirto ja palvelut.',
  }),
  node('Organisation', 'org-kpedu', {
    name: 'Keski-Pohjanmaan koulutusyhtymä',
    orgType: 'vocational_college',
    nameEn: 'Federation of Education in Central Ostrobothnia',
    aliases: ['Federation of Education in Central Ostrobothnia', 'Kpedu'],
    description:
      'Akkukemian vetovastuuhankkeen osatoteuttaja: kansallinen ja alueellinen osaaminen, markkinointi, ' +
      'oppilaitosverkosto TKI-toimintaan, teknologiansiirto ja palvelut.',
  }),
  node('Organisation', 'org-digipolis', {
    name: 'Digipolis Oy',
    orgType: 'development_company',
    description:
      'Kemiläinen kehitysyhtiö; johti ABC-hanketta (Arctic Business Concept) ja vetää Arktisen teollisuuden ja ' +
      'kiertotalouden klusteria.',
  }),
  node('Organisation', 'org-region-vasterbotten', {
    name: 'Region Västerbotten',
    orgType: 'regional_council',
    nameEn: 'Region Västerbotten',
    description:
      'Battery Region -hankkeen päätoteuttaja (lead partner): koordinoi ruotsalaisia kumppaneita, hallintoa ja ' +
      'viestintää.',
  }),
  node('Organisation', 'org-pohjois-pohjanmaan-liitto', {
    name: 'Pohjois-Pohjanmaan liitto',
    orgType: 'regional_council',
    nameEn: 'Council of Oulu Region',
    nameSv: 'Norra Österbottens förbund',
    aliases: ['Council of Oulu Region', 'Norra Österbottens förbund'],
    description: 'Koordinoi Battery Region -hankkeen suomalaisia kumppaneita.',
  }),
  node('Organisation', 'org-skelleftea-kommun', {
    name: 'Skellefteå kommun',
    orgType: 'city',
    nameEn: 'Skellefteå Municipality',
    aliases: ['Skellefteå Municipality', 'Skellefteån kunta'],
    description: 'Battery Region -hankkeen kumppani, jolla hankeassistentti.',
  }),
  node('Organisation', 'org-osao', {
    name: 'Oulun seudun ammattiopisto',
    orgType: 'vocational_college',
    nameEn: 'Oulu Vocational College',
    aliases: ['OSAO', 'Oulu Vocational College'],
    description: 'Battery Region -hankkeen kumppani, jolla hankeassistentti.',
  }),
  node('Organisation', 'org-sitra', {
    name: 'Sitra',
    orgType: 'funder',
    nameEn: 'Finnish Innovation Fund Sitra',
    aliases: ['Suomen itsenäisyyden juhlarahasto', 'Finnish Innovation Fund Sitra'],
    description:
      'Julkaisi kansallisen kiertotalouden tiekartan 2016–2025 (2016). Päätti kesäkuussa 2017 perustaa ' +
      'kansallisen kierto- ja biotalouden keskuksen Kemiin.',
  }),
  node('Organisation', 'org-luke', {
    name: 'Luonnonvarakeskus',
    orgType: 'research_institute',
    nameEn: 'Natural Resources Institute Finland',
    nameSv: 'Naturresursinstitutet',
    aliases: ['Luke', 'Natural Resources Institute Finland'],
  }),
  node('Organisation', 'org-northvolt', {
    name: 'Northvolt',
    orgType: 'company',
    description:
      'Akkukennovalmistaja. Battery Region -hankkeen taustatiedon mukaan Skellefteån tehtaan tuotannon oli määrä ' +
      'alkaa alkuvuodesta 2022.',
  }),
  node('Organisation', 'org-eco', {
    name: 'European Cluster Observatory',
    orgType: 'other',
    aliases: ['ECO'],
    description: 'Auttoi ABC-hankkeessa Lapin klusterin kehittämisessä.',
  }),
  node('Organisation', 'org-esca', {
    name: 'European Secretariat for Cluster Analysis',
    orgType: 'other',
    aliases: ['ESCA'],
    description:
      'Auttoi ABC-hankkeessa; jatkuva yhteistyö Arktisen teollisuuden ja kiertotalouden klusterin kanssa.',
  }),
];

// ---------------------------------------------------------------------------------------------------
// Programmes (funding programmes, national strategies and roadmaps)
// ---------------------------------------------------------------------------------------------------

const programmes: SeedNode[] = [
  node('Programme', 'programme-vipuvoimaa-eulta', {
    name: 'Vipuvoimaa EU:lta',
    nameEn: 'Leverage from the EU',
    description:
      'EU-rakennerahastorahoitus, jonka puitteissa Satakuntaliitto rahoitti hanketta "Kasvua sähköistymisestä ' +
      'teknologiametalliklusteriin" EAKR-varoin.',
  }),
  node('Programme', 'programme-innokaupungit', {
    name: 'Innokaupunkien vetovastuuhankkeet',
    nameEn: "Innovation cities' lead projects",
    description:
      'Kuusi innokaupunkien vetovastuuhanketta, joita Pirkanmaan liitto rahoittaa ja koordinoi kansallisesti ' +
      'EAKR- ja valtion varoin. Yksi niistä on Akkukemian vetovastuuhanke.',
  }),
  node('Programme', 'programme-kestavaa-kasvua-2014-2020', {
    name: 'Kestävää kasvua ja työtä 2014–2020',
    nameEn: 'Sustainable growth and jobs 2014–2020',
    aliases: ['Suomen rakennerahasto-ohjelma 2014–2020', "Finland's structural funds programme 2014–2020"],
    description: 'Suomen rakennerahasto-ohjelma 2014–2020 (EAKR ja ESR).',
  }),
  node('Programme', 'programme-interreg', {
    name: 'Interreg',
    nameEn: 'Interreg (European Territorial Cooperation)',
    description: 'EU:n alueiden välisen yhteistyön ohjelmat.',
  }),
  node('Programme', 'programme-interreg-central-baltic', {
    name: 'Interreg Central Baltic',
    nameEn: 'Interreg Central Baltic',
  }),
  node('Programme', 'programme-interreg-europe', {
    name: 'Interreg Europe',
    nameEn: 'Interreg Europe',
  }),
  node('Programme', 'programme-akkustrategia-2025', {
    name: 'Kansallinen akkustrategia 2025',
    nameEn: 'National Battery Strategy 2025',
    description: 'Suomen kansallinen akkustrategia; Akkukemian vetovastuuhanke perustuu siihen.',
  }),
  node('Programme', 'programme-lapin-arktinen-erikoistuminen', {
    name: 'Lapin arktinen erikoistumisohjelma',
    nameEn: "Lapland's Arctic Specialisation Programme",
    description: 'Lapin älykkään erikoistumisen ohjelma; ABC-hanke oli linjassa sen kanssa.',
  }),
  node('Programme', 'programme-kiertotalouden-tiekartta', {
    name: 'Kierrolla kärkeen – Suomen tiekartta kiertotalouteen 2016–2025',
    nameEn: 'Leading the cycle – Finnish road map to a circular economy 2016–2025',
    aliases: ['Kiertotalouden tiekartta', 'Suomen tiekartta kiertotalouteen 2016–2025'],
    description:
      'Sitran johdolla 2016 julkaistu kansallinen kiertotalouden tiekartta vuosille 2016–2025. Kemi-Tornion ' +
      'kiertotalouden innovaatioalusta on yksi sen keskeisistä kärkihankkeista.',
  }),
  node('Programme', 'programme-satakunta-tiekartta', {
    name: 'Satakunnan akku- ja teknologiametalliklusterin kasvun tiekartta',
    nameEn: 'Growth roadmap of the Satakunta battery and technology-metal cluster',
    description:
      'Hankkeen "Kasvua sähköistymisestä teknologiametalliklusteriin" tuotos. Laatinut Miltton Networks Oy ' +
      'klusterin yritysten ja sidosryhmien haastattelujen pohjalta; julkaistu 2021-11-08.',
  }),
];

// ---------------------------------------------------------------------------------------------------
// Projects and work packages
// ---------------------------------------------------------------------------------------------------

const projects: SeedNode[] = [
  node('Project', 'project-kasvua-sahkoistymisesta', {
    name: 'Kasvua sähköistymisestä teknologiametalliklusteriin',
    nameEn: 'Growth from electrification for the technology-metal cluster',
    description:
      'Prizztech Oy:n hanke Porin seudulla, Satakuntaliiton EAKR-rahoituksella (Vipuvoimaa EU:lta). Tuotoksena ' +
      'Miltton Networks Oy:n laatima "Satakunnan akku- ja teknologiametalliklusterin kasvun tiekartta", ' +
      'julkaistu 2021-11-08.',
    goals: [
      'Satakunnan akku- ja teknologiametalliklusterin kasvun tiekartta klusterin yritysten ja sidosryhmien ' +
        'haastattelujen pohjalta',
    ],
  }),
  node('Project', 'project-akkukemia', {
    name: 'Akkukemian vetovastuuhanke',
    nameEn: 'Battery chemistry lead project of the innovation cities',
    aliases: ['Akkukemia'],
    description:
      'Yksi kuudesta innokaupunkien vetovastuuhankkeesta. Vetäjä Kokkolan kaupunki; osatoteuttajat Oulun ' +
      'yliopisto / Kokkolan yliopistokeskus Chydenius, Centria-ammattikorkeakoulu ja Keski-Pohjanmaan ' +
      'koulutusyhtymä; yhteistyökaupungit Kokkola, Vaasa, Pori, Turku, Lappeenranta, Jyväskylä ja Kuopio. Osa ' +
      'kaupungeista painottaa akkukemian kierrätystä, osa teollisuusaluenäkökulmaa tai vedenkäsittelyä. ' +
      'Perustuu kansalliseen akkustrategiaan 2025. Kokonaiskustannus 259 188 €, josta EAKR- ja valtion osuus ' +
      '194 390 €.',
    startDate: '2023-08-01',
    endDate: '2025-07-31',
    budgetEur: 259188,
    euShareEur: 194390,
    status: 'finished',
    goals: [
      'Päällekkäisen työn välttäminen kaupunkien kesken',
      'Kunkin alueen erityisosaamisen erottaminen ja tunnistaminen',
      'Kansallinen ja kansainvälinen näkyvyys akkukemian osaamiselle',
    ],
  }),
  node('Project', 'project-abc', {
    name: 'Arctic Business Concept (ABC) – Arktisten kaivannais- ja teollisuuspalveluyritysten klusteri',
    nameEn: 'Arctic Business Concept (ABC) – cluster of Arctic mining and industrial-service SMEs',
    aliases: ['ABC', 'Arctic Business Concept'],
    description:
      'Digipolis Oy:n johtama hanke, joka kehitti Arktisen teollisuuden ja kiertotalouden klusteria Lapissa. ' +
      'Keräsi lähes 200 lappilaisen kaivannais- ja teollisuuspalveluyrityksen tarpeet; työpajoja, yhteisiä ' +
      'messuja ja opintomatkoja. Johti Suomen ensimmäiseen teolliseen kierto- ja biotalouden keskukseen Kemissä. ' +
      'Teollinen symbioosi: yhden yrityksen jäte tai sivutuote on toisen raaka-aine; yksi Kemi-Tornion ' +
      'klusteri tuottaa 700 milj. € vuodessa; metsäteollisuuden puujätteestä voisi saada 200 000 t ' +
      'biopolttoainetta vuodessa. Apuna European Cluster Observatory (ECO) ja European Secretariat for Cluster ' +
      'Analysis (ESCA); linjassa Lapin arktisen erikoistumisohjelman kanssa. Kokonaisbudjetti 1 622 657 €, ' +
      'josta EAKR 1 215 776 € (Kestävää kasvua ja työtä 2014–2020). Hankesivu päivätty 2018-05-25.',
    budgetEur: 1622657,
    euShareEur: 1215776,
    goals: [
      'Lapin kaivannais- ja teollisuuspalveluyritysten tarpeiden kartoitus (lähes 200 yritystä)',
      'Työpajat, yhteiset messut ja opintomatkat',
      'Teollisen symbioosin edistäminen: yhden yrityksen jäte tai sivutuote toisen raaka-aineeksi',
      'Arktisen teollisuuden ja kiertotalouden klusterin kehittäminen',
    ],
  }),
  node('Project', 'project-battery-region', {
    name: 'Battery Region',
    nameEn: 'Battery Region',
    description:
      'Suomalais-ruotsalainen osaamishanke akkuteollisuuden työmarkkinoille. Päätoteuttaja Region Västerbotten ' +
      '(ruotsalaisten kumppanien koordinointi, hallinto ja viestintä); Pohjois-Pohjanmaan liitto koordinoi ' +
      'suomalaisia kumppaneita; hankeassistentit Skellefteå kommunilla ja OSAOlla. Tausta: Eurooppa tarvitsee ' +
      '20–30 suurta akkukennotehdasta; Northvoltin Skellefteån tehtaan tuotannon oli määrä alkaa alkuvuodesta ' +
      '2022; Vaasaan suunniteltiin akkutehdasta; kriittisten mineraalien kaivostoiminta on Pohjois-Suomessa ' +
      'pitkällä; kierrätys on vahvaa molemmissa maissa.',
    goals: [
      'Kartoittaa yritysten osaamistarpeet ja nykyinen koulutustarjonta (ensin ammatillinen ja ammattikorkeakoulutaso)',
      'Alueidenvälinen toimija- ja koulutuskartta, joka näyttää reitit akkuteollisuuden työpaikkoihin',
      'Työmarkkina- ja koulutustoimijoiden verkosto',
      'Yhteinen alueidenvälinen työmarkkina akkujen arvoketjussa, kytkettynä alueellisiin S3-strategioihin ja ' +
        'pohjoismaiseen akkuvyöhykkeeseen (Nordic battery belt)',
    ],
  }),
  node('Project', 'project-kemi-tornio-kiertotalousalusta', {
    name: 'Kemi-Tornion kiertotalouden innovaatioalusta',
    nameEn: 'Kemi-Tornio circular-economy innovation platform',
    description:
      'Yksi Sitran kansallisen kiertotalouden tiekartan (2016–2025) keskeisistä kärkihankkeista. Kemi-Tornion ' +
      'raskas teollisuus tuottaa noin 1,7 miljoonaa tonnia sivuvirtoja ja jäämiä vuodessa.',
  }),
  node('Project', 'project-kierto-ja-biotalouden-keskus', {
    name: 'Kansallinen kierto- ja biotalouden keskus Kemissä',
    nameEn: 'National circular and bioeconomy centre in Kemi',
    description:
      'Suomen ensimmäinen teollinen kierto- ja biotalouden keskus. Sitra päätti kesäkuussa 2017 perustaa ' +
      'keskuksen Kemiin; ABC-hanke johti sen syntyyn.',
  }),
];

/** Battery Region work packages: [code, Finnish name, English name as on the page]. */
const WORK_PACKAGES: ReadonlyArray<readonly [string, string, string]> = [
  ['WP1', 'Viestintä', 'Communication'],
  ['WP2', 'Projektinhallinta', 'Project management'],
  ['WP3', 'Koulutus- ja osaamistarpeet', 'Training and competence needs'],
  ['WP4', 'Saatavilla oleva koulutus', 'Available training'],
  ['WP5', 'Kuiluanalyysi', 'Gap analysis'],
  ['WP6', 'Yhteistyö', 'Cooperation'],
];

const wpId = (code: string) => `wp-battery-region-${code.toLowerCase()}`;

const workPackages: SeedNode[] = WORK_PACKAGES.map(([code, name, nameEn]) =>
  node('WorkPackage', wpId(code), {
    name,
    code,
    aliases: [nameEn, `${code} ${nameEn}`],
    description: `Battery Region -hankkeen työpaketti ${code}: ${nameEn}.`,
  }),
);

// ---------------------------------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------------------------------

const clusters: SeedNode[] = [
  node('Cluster', 'cluster-satakunta-akku', {
    name: 'Satakunnan akku- ja teknologiametalliklusteri',
    nameEn: 'Satakunta battery and technology-metal cluster',
    description:
      'Porin seudun akku- ja teknologiametalliklusteri: kuparin, nikkelin, kullan, hopean ja koboltin jalostus, ' +
      'magneetit, akkukemikaalit, sähköistyminen ja vähähiilisyys. Kasvun tiekartta julkaistu 2021-11-08.',
  }),
  node('Cluster', 'cluster-arktinen-teollisuus', {
    name: 'Arktisen teollisuuden ja kiertotalouden klusteri',
    nameEn: 'Arctic Industry and Circular Economy Cluster',
    aliases: ['Arctic Industry and Circular Economy Cluster'],
    description:
      'Lapin klusteri, osa Arctic Smartness -verkostoa. Kokoaa prosessi- ja kaivosyhtiöt, ' +
      'teollisuuspalvelujen pk-yritykset, yliopistot, tutkimuslaitokset, rahoittajat ja alueviranomaiset. ' +
      'Vetäjänä Digipolis Oy. Järjestelmällistä klusterikehitystä vuodesta 2014, jolloin Lapista tuli ' +
      'klusterialoitteen mallialue kuuden muun alueen kanssa; jatkuva yhteistyö ESCAn kanssa. Kemi-Tornion ' +
      'raskas teollisuus tuottaa noin 1,7 miljoonaa tonnia sivuvirtoja ja jäämiä vuodessa; metsäteollisuuden ' +
      'puujätteestä voisi saada 200 000 t biopolttoainetta vuodessa.',
  }),
  node('Cluster', 'cluster-arctic-smartness', {
    name: 'Arctic Smartness',
    nameEn: 'Arctic Smartness',
    description: 'Lapin klusteriverkosto ja yhteisö, johon Arktisen teollisuuden ja kiertotalouden klusteri kuuluu.',
  }),
];

// ---------------------------------------------------------------------------------------------------
// People: name and title only (no e-mail, no phone)
// ---------------------------------------------------------------------------------------------------

const people: SeedNode[] = [
  node('Person', 'person-matti-luhtanen', {
    name: 'Matti Luhtanen',
    description: 'Prizztech Oy; yhteyshenkilö hankkeessa "Kasvua sähköistymisestä teknologiametalliklusteriin".',
  }),
  node('Person', 'person-tiina-ramstedt-sen', {
    name: 'Tiina Ramstedt-Sen',
    title: 'erityisasiantuntija (senior specialist)',
    description:
      'Pirkanmaan liitto: valmistelee EAKR-rahoituspäätöksiä, koordinoi kansallisesti innokaupunkien ' +
      'rahoitusta; yhteyshenkilö Interreg Central Baltic- ja Interreg Europe -ohjelmissa.',
  }),
  node('Person', 'person-kari-poikela', {
    name: 'Kari Poikela',
    title: 'ohjelmapäällikkö (programme manager)',
    description: 'Arktisen teollisuuden ja kiertotalouden klusteri; ABC-hanke.',
  }),
  node('Person', 'person-tuomas-pussila', {
    name: 'Tuomas Pussila',
    title: 'cluster director',
    description: 'Arktisen teollisuuden ja kiertotalouden klusterin klusterijohtaja (klusteria vetää Digipolis Oy).',
  }),
  node('Person', 'person-kari-makitalo', {
    name: 'Kari Mäkitalo',
    title: 'senior researcher',
    description: 'Luonnonvarakeskus (Luke), Rovaniemi; Arctic Smartness -yhteisön jäsen.',
  }),
];

// ---------------------------------------------------------------------------------------------------
// Themes
// ---------------------------------------------------------------------------------------------------

/** [id, Finnish name, English, Swedish, kind] */
const THEMES: ReadonlyArray<readonly [string, string, string, string, 'topic' | 'skill']> = [
  ['theme-battery-chemistry', 'Akkukemia', 'Battery chemistry', 'Batterikemi', 'topic'],
  ['theme-battery-chemicals', 'Akkukemikaalit', 'Battery chemicals', 'Batterikemikalier', 'topic'],
  ['theme-battery-value-chain', 'Akkuteollisuuden arvoketju', 'Battery value chain', 'Batteriernas värdekedja', 'topic'],
  ['theme-recycling', 'Kierrätys', 'Recycling', 'Återvinning', 'topic'],
  ['theme-water-treatment', 'Vedenkäsittely', 'Water treatment', 'Vattenrening', 'topic'],
  ['theme-industrial-areas', 'Teollisuusalueet', 'Industrial areas', 'Industriområden', 'topic'],
  ['theme-industrial-symbiosis', 'Teollinen symbioosi', 'Industrial symbiosis', 'Industriell symbios', 'topic'],
  ['theme-circular-economy', 'Kiertotalous', 'Circular economy', 'Cirkulär ekonomi', 'topic'],
  ['theme-bioeconomy', 'Biotalous', 'Bioeconomy', 'Bioekonomi', 'topic'],
  ['theme-biofuels', 'Biopolttoaineet', 'Biofuels', 'Biobränslen', 'topic'],
  ['theme-mining', 'Kaivannaisala', 'Mining', 'Gruvnäring', 'topic'],
  ['theme-critical-minerals', 'Kriittiset mineraalit', 'Critical minerals', 'Kritiska mineraler', 'topic'],
  ['theme-industrial-services', 'Teollisuuspalvelut', 'Industrial services', 'Industriella tjänster', 'topic'],
  ['theme-arctic-industry', 'Arktinen teollisuus', 'Arctic industry', 'Arktisk industri', 'topic'],
  ['theme-technology-metals', 'Teknologiametallit', 'Technology metals', 'Teknikmetaller', 'topic'],
  ['theme-metal-refining', 'Metallien jalostus', 'Metal refining', 'Metallförädling', 'topic'],
  ['theme-copper-refining', 'Kuparin jalostus', 'Copper refining', 'Kopparförädling', 'topic'],
  ['theme-nickel-refining', 'Nikkelin jalostus', 'Nickel refining', 'Nickelförädling', 'topic'],
  ['theme-gold-refining', 'Kullan jalostus', 'Gold refining', 'Guldförädling', 'topic'],
  ['theme-silver-refining', 'Hopean jalostus', 'Silver refining', 'Silverförädling', 'topic'],
  ['theme-cobalt-refining', 'Koboltin jalostus', 'Cobalt refining', 'Koboltförädling', 'topic'],
  ['theme-magnets', 'Magneetit', 'Magnets', 'Magneter', 'topic'],
  ['theme-electrification', 'Sähköistyminen', 'Electrification', 'Elektrifiering', 'topic'],
  ['theme-low-carbon', 'Vähähiilisyys', 'Low-carbon', 'Koldioxidsnålhet', 'topic'],
  ['theme-smart-specialisation', 'Älykäs erikoistuminen (S3)', 'Smart specialisation (S3)', 'Smart specialisering (S3)', 'topic'],
  ['theme-labour-market', 'Työmarkkinat', 'Labour market', 'Arbetsmarknad', 'topic'],
  ['theme-rdi', 'TKI-toiminta ja teknologiansiirto', 'RDI and technology transfer', 'FoUI och tekniköverföring', 'topic'],
  ['theme-skills-training', 'Osaaminen ja koulutus', 'Skills and training', 'Kompetens och utbildning', 'skill'],
  ['theme-battery-skills', 'Akkualan osaaminen', 'Battery-industry skills', 'Batterikompetens', 'skill'],
  ['theme-competence-needs', 'Osaamistarpeet', 'Competence needs', 'Kompetensbehov', 'skill'],
  ['theme-vocational-education', 'Ammatillinen koulutus', 'Vocational education and training', 'Yrkesutbildning', 'skill'],
  ['theme-uas-education', 'Ammattikorkeakoulutus', 'University of applied sciences education', 'Yrkeshögskoleutbildning', 'skill'],
];

const themes: SeedNode[] = THEMES.map(([id, name, nameEn, nameSv, kind]) =>
  node('Theme', id, { name, nameEn, nameSv, kind }),
);

export const demoNodes: SeedNode[] = [
  ...countries,
  ...regions,
  ...cities,
  ...organisations,
  ...programmes,
  ...projects,
  ...workPackages,
  ...clusters,
  ...people,
  ...themes,
];

// ---------------------------------------------------------------------------------------------------
// Relationships
// ---------------------------------------------------------------------------------------------------

const focuses = (from: string, themeIds: string[]) => themeIds.map((t) => rel('FOCUSES_ON', from, t));

/** The seven cities of the battery-chemistry cooperation (Akkukemian vetovastuuhanke). */
export const BATTERY_CHEMISTRY_CITIES = [
  'city-kokkola',
  'city-vaasa',
  'city-pori',
  'city-turku',
  'city-lappeenranta',
  'city-jyvaskyla',
  'city-kuopio',
] as const;

const placeRelationships: SeedRelationship[] = [
  ...CITIES.map(([id, , , , , regionId]) => rel('IN_REGION', id, regionId)),
  ...REGIONS.map(([id, , , , countryId]) => rel('IN_REGION', id, countryId)),
];

const locatedIn: SeedRelationship[] = [
  rel('LOCATED_IN', 'org-prizztech', 'city-pori'),
  rel('LOCATED_IN', 'org-satakuntaliitto', 'city-pori'),
  rel('LOCATED_IN', 'org-miltton-networks', 'country-fi'),
  rel('LOCATED_IN', 'org-pirkanmaan-liitto', 'city-tampere'),
  rel('LOCATED_IN', 'org-kokkolan-kaupunki', 'city-kokkola'),
  rel('LOCATED_IN', 'org-oulun-yliopisto', 'city-oulu'),
  rel('LOCATED_IN', 'org-chydenius', 'city-kokkola'),
  rel('LOCATED_IN', 'org-centria', 'city-kokkola'),
  rel('LOCATED_IN', 'org-kpedu', 'city-kokkola'),
  rel('LOCATED_IN', 'org-digipolis', 'city-kemi'),
  rel('LOCATED_IN', 'org-region-vasterbotten', 'region-vasterbotten'),
  rel('LOCATED_IN', 'org-pohjois-pohjanmaan-liitto', 'city-oulu'),
  rel('LOCATED_IN', 'org-skelleftea-kommun', 'city-skelleftea'),
  rel('LOCATED_IN', 'org-osao', 'city-oulu'),
  rel('LOCATED_IN', 'org-sitra', 'country-fi'),
  rel('LOCATED_IN', 'org-luke', 'city-rovaniemi', { note: 'Rovaniemen toimipaikka' }),
  rel('LOCATED_IN', 'org-northvolt', 'city-skelleftea', { note: 'Skellefteån akkutehdas' }),
  rel('LOCATED_IN', 'person-kari-makitalo', 'city-rovaniemi'),
  rel('LOCATED_IN', 'project-kasvua-sahkoistymisesta', 'region-satakunta', { note: 'Porin seutu' }),
  rel('LOCATED_IN', 'project-abc', 'region-lappi'),
  rel('LOCATED_IN', 'project-battery-region', 'region-vasterbotten'),
  rel('LOCATED_IN', 'project-battery-region', 'region-pohjois-pohjanmaa'),
  rel('LOCATED_IN', 'project-kemi-tornio-kiertotalousalusta', 'city-kemi'),
  rel('LOCATED_IN', 'project-kemi-tornio-kiertotalousalusta', 'city-tornio'),
  rel('LOCATED_IN', 'project-kierto-ja-biotalouden-keskus', 'city-kemi'),
  rel('LOCATED_IN', 'cluster-satakunta-akku', 'region-satakunta'),
  rel('LOCATED_IN', 'cluster-arktinen-teollisuus', 'region-lappi'),
  rel('LOCATED_IN', 'cluster-arctic-smartness', 'region-lappi'),
];

// 1. Satakunta: Kasvua sähköistymisestä teknologiametalliklusteriin
const satakunta: SeedRelationship[] = [
  rel('LEADS', 'org-prizztech', 'project-kasvua-sahkoistymisesta'),
  rel('FUNDED_BY', 'project-kasvua-sahkoistymisesta', 'org-satakuntaliitto', { note: 'EAKR-rahoitus' }),
  rel('FUNDED_BY', 'project-kasvua-sahkoistymisesta', 'org-eakr', { note: 'Satakuntaliiton kautta' }),
  rel('PART_OF', 'project-kasvua-sahkoistymisesta', 'programme-vipuvoimaa-eulta'),
  rel('PART_OF', 'project-kasvua-sahkoistymisesta', 'cluster-satakunta-akku', {
    note: 'Hanke kehittää klusteria.',
  }),
  rel('PARTNER_IN', 'org-miltton-networks', 'project-kasvua-sahkoistymisesta', {
    role: 'konsultti: kasvun tiekartan laatija',
    note: 'Tiekartta julkaistiin 2021-11-08 klusterin yritysten ja sidosryhmien haastattelujen pohjalta.',
  }),
  rel('PART_OF', 'programme-satakunta-tiekartta', 'project-kasvua-sahkoistymisesta', {
    startDate: '2021-11-08',
    note: 'Hankkeen tuotos; julkaistu 2021-11-08.',
  }),
  rel('WORKS_AT', 'person-matti-luhtanen', 'org-prizztech'),
  rel('CONTACT_FOR', 'person-matti-luhtanen', 'project-kasvua-sahkoistymisesta'),
  ...focuses('project-kasvua-sahkoistymisesta', [
    'theme-electrification',
    'theme-technology-metals',
    'theme-battery-chemicals',
  ]),
  ...focuses('programme-satakunta-tiekartta', ['theme-technology-metals', 'theme-electrification']),
  ...focuses('cluster-satakunta-akku', [
    'theme-technology-metals',
    'theme-metal-refining',
    'theme-copper-refining',
    'theme-nickel-refining',
    'theme-gold-refining',
    'theme-silver-refining',
    'theme-cobalt-refining',
    'theme-magnets',
    'theme-battery-chemicals',
    'theme-electrification',
    'theme-low-carbon',
  ]),
];

// 2. Akkukemian vetovastuuhanke
const akkukemia: SeedRelationship[] = [
  rel('LEADS', 'org-kokkolan-kaupunki', 'project-akkukemia', { startDate: '2023-08-01', endDate: '2025-07-31' }),
  rel('PARTNER_IN', 'org-chydenius', 'project-akkukemia', {
    role: 'osatoteuttaja: kansainvälinen akkukemian huippuosaaminen, vaikuttavuus ja näkyvyys',
    note: 'Oulun yliopisto / Kokkolan yliopistokeskus Chydenius',
  }),
  rel('PARTNER_IN', 'org-centria', 'project-akkukemia', {
    role:
      'osatoteuttaja: kansallinen ja alueellinen osaaminen, markkinointi, oppilaitosverkosto TKI-toimintaan, ' +
      'teknologiansiirto ja palvelut',
  }),
  rel('PARTNER_IN', 'org-kpedu', 'project-akkukemia', {
    role:
      'osatoteuttaja: kansallinen ja alueellinen osaaminen, markkinointi, oppilaitosverkosto TKI-toimintaan, ' +
      'teknologiansiirto ja palvelut',
  }),
  ...BATTERY_CHEMISTRY_CITIES.map((city) =>
    rel('PARTNER_IN', city, 'project-akkukemia', {
      role: city === 'city-kokkola' ? 'vetäjäkaupunki' : 'yhteistyökaupunki',
    }),
  ),
  rel('FUNDED_BY', 'project-akkukemia', 'org-pirkanmaan-liitto', {
    amountEur: 194390,
    note: 'EAKR- ja valtion osuus yhteensä',
  }),
  rel('FUNDED_BY', 'project-akkukemia', 'org-eakr', {
    note: 'EAKR- ja valtion osuus yhteensä 194 390 €; jakoa rahastojen kesken ei ilmoitettu.',
  }),
  rel('PART_OF', 'project-akkukemia', 'programme-innokaupungit'),
  rel('PART_OF', 'org-chydenius', 'org-oulun-yliopisto'),
  rel('LEADS', 'org-pirkanmaan-liitto', 'programme-innokaupungit', { role: 'kansallinen koordinointi' }),
  rel('FUNDS', 'org-pirkanmaan-liitto', 'programme-innokaupungit', { note: 'EAKR- ja valtion varoin' }),
  rel('WORKS_AT', 'person-tiina-ramstedt-sen', 'org-pirkanmaan-liitto', {
    role: 'erityisasiantuntija (senior specialist)',
  }),
  rel('CONTACT_FOR', 'person-tiina-ramstedt-sen', 'project-akkukemia', { note: 'rahoittajan yhteyshenkilö' }),
  rel('CONTACT_FOR', 'person-tiina-ramstedt-sen', 'programme-innokaupungit', {
    note: 'innokaupunkien rahoituksen kansallinen koordinointi; EAKR-rahoituspäätösten valmistelu',
  }),
  rel('CONTACT_FOR', 'person-tiina-ramstedt-sen', 'programme-interreg-central-baltic'),
  rel('CONTACT_FOR', 'person-tiina-ramstedt-sen', 'programme-interreg-europe'),
  rel('PART_OF', 'programme-interreg-central-baltic', 'programme-interreg'),
  rel('PART_OF', 'programme-interreg-europe', 'programme-interreg'),
  ...focuses('project-akkukemia', [
    'theme-battery-chemistry',
    'theme-recycling',
    'theme-industrial-areas',
    'theme-water-treatment',
    'theme-rdi',
  ]),
  ...focuses('programme-akkustrategia-2025', ['theme-battery-value-chain', 'theme-battery-chemistry']),
];

// 3. ABC and 5. Arctic Industry and Circular Economy Cluster
const arctic: SeedRelationship[] = [
  rel('LEADS', 'org-digipolis', 'project-abc'),
  rel('FUNDED_BY', 'project-abc', 'org-eakr', { amountEur: 1215776 }),
  rel('PART_OF', 'project-abc', 'programme-kestavaa-kasvua-2014-2020'),
  rel('PART_OF', 'project-abc', 'cluster-arktinen-teollisuus', { note: 'Hanke kehittää klusteria.' }),
  rel('CONTACT_FOR', 'person-kari-poikela', 'project-abc'),
  rel('LEADS', 'org-digipolis', 'cluster-arktinen-teollisuus'),
  rel('PART_OF', 'cluster-arktinen-teollisuus', 'cluster-arctic-smartness'),
  rel('WORKS_AT', 'person-kari-poikela', 'cluster-arktinen-teollisuus', {
    role: 'ohjelmapäällikkö (programme manager)',
  }),
  rel('CONTACT_FOR', 'person-kari-poikela', 'cluster-arktinen-teollisuus'),
  rel('WORKS_AT', 'person-tuomas-pussila', 'cluster-arktinen-teollisuus', { role: 'cluster director' }),
  rel('CONTACT_FOR', 'person-tuomas-pussila', 'cluster-arktinen-teollisuus'),
  rel('COOPERATES_WITH', 'org-eco', 'cluster-arktinen-teollisuus', { note: 'Apuna ABC-hankkeessa.' }),
  rel('COOPERATES_WITH', 'org-esca', 'cluster-arktinen-teollisuus', {
    note: 'Apuna ABC-hankkeessa; jatkuva yhteistyö klusterin kanssa.',
  }),
  rel('WORKS_AT', 'person-kari-makitalo', 'org-luke', { role: 'senior researcher' }),
  rel('MEMBER_OF', 'person-kari-makitalo', 'cluster-arctic-smartness', { note: 'Arctic Smartness -yhteisön jäsen' }),
  rel('LEADS', 'org-sitra', 'programme-kiertotalouden-tiekartta', { note: 'Sitra julkaisi tiekartan vuonna 2016.' }),
  rel('PART_OF', 'project-kemi-tornio-kiertotalousalusta', 'programme-kiertotalouden-tiekartta', {
    note: 'Yksi tiekartan keskeisistä kärkihankkeista.',
  }),
  rel('LEADS', 'org-sitra', 'project-kierto-ja-biotalouden-keskus', {
    role: 'perustaja',
    note: 'Sitra päätti kesäkuussa 2017 perustaa keskuksen Kemiin.',
  }),
  ...focuses('project-abc', [
    'theme-mining',
    'theme-industrial-services',
    'theme-industrial-symbiosis',
    'theme-circular-economy',
    'theme-bioeconomy',
    'theme-biofuels',
    'theme-arctic-industry',
  ]),
  ...focuses('cluster-arktinen-teollisuus', [
    'theme-arctic-industry',
    'theme-mining',
    'theme-industrial-services',
    'theme-circular-economy',
    'theme-industrial-symbiosis',
    'theme-bioeconomy',
  ]),
  ...focuses('programme-kiertotalouden-tiekartta', ['theme-circular-economy']),
  ...focuses('project-kemi-tornio-kiertotalousalusta', ['theme-circular-economy', 'theme-industrial-symbiosis']),
  ...focuses('project-kierto-ja-biotalouden-keskus', [
    'theme-circular-economy',
    'theme-bioeconomy',
    'theme-industrial-symbiosis',
  ]),
  ...focuses('programme-lapin-arktinen-erikoistuminen', ['theme-arctic-industry', 'theme-smart-specialisation']),
];

// 4. Battery Region
const batteryRegion: SeedRelationship[] = [
  rel('LEADS', 'org-region-vasterbotten', 'project-battery-region', {
    role: 'lead partner: ruotsalaisten kumppanien koordinointi, hallinto ja viestintä',
  }),
  rel('PARTNER_IN', 'org-pohjois-pohjanmaan-liitto', 'project-battery-region', {
    role: 'suomalaisten kumppanien koordinointi',
  }),
  rel('PARTNER_IN', 'org-skelleftea-kommun', 'project-battery-region', { role: 'kumppani, hankeassistentti' }),
  rel('PARTNER_IN', 'org-osao', 'project-battery-region', { role: 'kumppani, hankeassistentti' }),
  ...WORK_PACKAGES.map(([code]) => rel('PART_OF', wpId(code), 'project-battery-region')),
  ...focuses('project-battery-region', [
    'theme-battery-value-chain',
    'theme-battery-skills',
    'theme-competence-needs',
    'theme-vocational-education',
    'theme-uas-education',
    'theme-labour-market',
    'theme-smart-specialisation',
  ]),
  ...focuses(wpId('WP3'), ['theme-competence-needs', 'theme-skills-training']),
  ...focuses(wpId('WP4'), ['theme-vocational-education', 'theme-uas-education', 'theme-skills-training']),
  ...focuses(wpId('WP5'), ['theme-competence-needs']),
  ...focuses('org-northvolt', ['theme-battery-value-chain']),
];

// Theme hierarchy
const themeHierarchy: SeedRelationship[] = [
  ...['copper', 'nickel', 'gold', 'silver', 'cobalt'].map((m) =>
    rel('PART_OF', `theme-${m}-refining`, 'theme-metal-refining'),
  ),
  rel('PART_OF', 'theme-metal-refining', 'theme-technology-metals'),
  rel('PART_OF', 'theme-battery-chemicals', 'theme-battery-chemistry'),
  rel('PART_OF', 'theme-industrial-symbiosis', 'theme-circular-economy'),
  rel('PART_OF', 'theme-recycling', 'theme-circular-economy'),
  rel('PART_OF', 'theme-biofuels', 'theme-bioeconomy'),
  rel('PART_OF', 'theme-battery-skills', 'theme-skills-training'),
  rel('PART_OF', 'theme-competence-needs', 'theme-skills-training'),
  rel('PART_OF', 'theme-vocational-education', 'theme-skills-training'),
  rel('PART_OF', 'theme-uas-education', 'theme-skills-training'),
];

// Funding programmes
const programmeFunding: SeedRelationship[] = [
  rel('FUNDS', 'org-eakr', 'programme-vipuvoimaa-eulta'),
  rel('FUNDS', 'org-eakr', 'programme-kestavaa-kasvua-2014-2020'),
  rel('FUNDS', 'org-eakr', 'programme-innokaupungit', { note: 'EAKR- ja valtion rahoitus' }),
  rel('FUNDS', 'org-eakr', 'programme-interreg'),
];

export const demoRelationships: SeedRelationship[] = [
  ...placeRelationships,
  ...locatedIn,
  ...satakunta,
  ...akkukemia,
  ...arctic,
  ...batteryRegion,
  ...themeHierarchy,
  ...programmeFunding,
];
