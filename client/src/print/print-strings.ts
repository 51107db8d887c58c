/**
 * Strings of the renderer choice and the printable summary (fi, en, sv), kept beside the feature so
 * that it does not touch the shared message table; same shape and fallbacks as i18n.ts's t().
 */
import { getLang } from '../i18n';

const fi = {
  'renderer.label': 'Piirtotapa',
  'renderer.auto': 'Piirto: automaattinen',
  'renderer.canvas': 'Piirto: canvas',
  'renderer.webgl': 'Piirto: WebGL',
  'print.open': 'Tulosta yhteenveto',
  'print.title': 'Yhteenveto',
  'print.generated': 'Koottu {date}. Verkostomittarit laskettu {metrics}.',
  'print.noMetrics': 'ei vielä',
  'print.loading': 'Kootaan yhteenvetoa…',
  'print.failed': 'Yhteenvedon lataus epäonnistui: {message}',
  'print.print': 'Tulosta',
  'print.back': 'Takaisin karttaan',
  'print.nodes': 'Toimijat ja asiat',
  'print.relationships': 'Yhteydet',
  'print.projects': 'Hankkeet',
  'print.budget': 'Budjetit yhteensä',
  'print.euShare': 'EU-osuus',
  'print.communities': 'Yhteisöt',
  'print.byType': 'Tyypeittäin',
  'print.cities': 'Kaupungit',
  'print.orgs': 'org.',
  'print.topProjects': 'Suurimmat hankkeet',
  'print.pagerank': 'Keskeisimmät (PageRank)',
  'print.betweenness': 'Välittäjät (välillisyys)',
  'print.degree': 'Eniten yhteyksiä',
  'print.brokers': 'Kaupunkien väliset sillat',
  'print.brokerCities': '{n} kaupunkia',
  'print.communityOf': '{size} jäsentä',
  'print.map': 'Kartta',
  'print.none': '—',
};
type Key = keyof typeof fi;

const en: Record<Key, string> = {
  'renderer.label': 'Rendering',
  'renderer.auto': 'Rendering: automatic',
  'renderer.canvas': 'Rendering: canvas',
  'renderer.webgl': 'Rendering: WebGL',
  'print.open': 'Print summary',
  'print.title': 'Summary',
  'print.generated': 'Compiled {date}. Network metrics computed {metrics}.',
  'print.noMetrics': 'not yet',
  'print.loading': 'Compiling the summary…',
  'print.failed': 'Loading the summary failed: {message}',
  'print.print': 'Print',
  'print.back': 'Back to the map',
  'print.nodes': 'Actors and items',
  'print.relationships': 'Links',
  'print.projects': 'Projects',
  'print.budget': 'Budgets in total',
  'print.euShare': 'EU share',
  'print.communities': 'Communities',
  'print.byType': 'By type',
  'print.cities': 'Cities',
  'print.orgs': 'orgs',
  'print.topProjects': 'Largest projects',
  'print.pagerank': 'Most central (PageRank)',
  'print.betweenness': 'Go-betweens (betweenness)',
  'print.degree': 'Most links',
  'print.brokers': 'Bridges between cities',
  'print.brokerCities': '{n} cities',
  'print.communityOf': '{size} members',
  'print.map': 'Map',
  'print.none': '—',
};

const sv: Record<Key, string> = {
  'renderer.label': 'Rendering',
  'renderer.auto': 'Rendering: automatisk',
  'renderer.canvas': 'Rendering: canvas',
  'renderer.webgl': 'Rendering: WebGL',
  'print.open': 'Skriv ut sammanfattning',
  'print.title': 'Sammanfattning',
  'print.generated': 'Sammanställd {date}. Nätverksmått beräknade {metrics}.',
  'print.noMetrics': 'ännu inte',
  'print.loading': 'Sammanfattningen sammanställs…',
  'print.failed': 'Sammanfattningen kunde inte laddas: {message}',
  'print.print': 'Skriv ut',
  'print.back': 'Tillbaka till kartan',
  'print.nodes': 'Aktörer och saker',
  'print.relationships': 'Kopplingar',
  'print.projects': 'Projekt',
  'print.budget': 'Budgetar totalt',
  'print.euShare': 'EU-andel',
  'print.communities': 'Gemenskaper',
  'print.byType': 'Per typ',
  'print.cities': 'Städer',
  'print.orgs': 'org.',
  'print.topProjects': 'Största projekten',
  'print.pagerank': 'Mest centrala (PageRank)',
  'print.betweenness': 'Förmedlare (betweenness)',
  'print.degree': 'Flest kopplingar',
  'print.brokers': 'Broar mellan städer',
  'print.brokerCities': '{n} städer',
  'print.communityOf': '{size} medlemmar',
  'print.map': 'Karta',
  'print.none': '—',
};

const MESSAGES = { fi, en, sv };

export function pt(key: Key, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[getLang()][key] ?? fi[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
