/**
 * ILLUSTRATIVE skills data for the demo's Finnish-Swedish Battery Region (Vaasa / Pohjanmaa, Kokkola /
 * Keski-Pohjanmaa, Oulu / Pohjois-Pohjanmaa, Skellefteå / Västerbotten), so that the skills-gap view
 * (GET …/skills) has something to show.
 *
 * Unlike the rest of the demo network, the NEEDS and OFFERS_TRAINING links below are NOT taken from the
 * sources in shared/seed-network/README.md: they are plausible examples of what the Battery Region
 * project set out to map (companies' competence needs, the training offer at vocational, UAS and
 * university level), and every one carries a note saying so. The education providers added here are
 * real institutions with only their name, type and seat; no programme, intake or figure is claimed.
 * The skill themes come from the taxonomy (domain/themes/taxonomy.ts), which the seed loads too.
 */
import type { RelationshipProps, RelationshipType } from '../../domain/relationships';
import type { TrainingLevel } from '../../domain/skills';
import type { SeedNode, SeedRelationship } from './demo-network';

const ILLUSTRATIVE = 'Havainnollistava esimerkki, ei lähdetietoa (illustrative example, not from the sources).';

function rel(type: RelationshipType, from: string, to: string, props?: RelationshipProps): SeedRelationship {
  const id = `${from}--${type.toLowerCase().replace(/_/g, '-')}--${to}`;
  return props ? { id, type, from, to, props } : { id, type, from, to };
}

/** Education providers of the Battery Region that the sources do not name (name, type and seat only). */
export const skillsOrganisations: SeedNode[] = [
  {
    type: 'Organisation',
    id: 'org-vamk',
    props: {
      name: 'Vaasan ammattikorkeakoulu',
      orgType: 'university_of_applied_sciences',
      nameEn: 'Vaasa University of Applied Sciences',
      nameSv: 'Vasa yrkeshögskola',
      aliases: ['VAMK'],
    },
  },
  {
    type: 'Organisation',
    id: 'org-novia',
    props: {
      name: 'Yrkeshögskolan Novia',
      orgType: 'university_of_applied_sciences',
      nameEn: 'Novia University of Applied Sciences',
      aliases: ['Novia', 'Novia-ammattikorkeakoulu'],
    },
  },
  { type: 'Organisation', id: 'org-vamia', props: { name: 'Vamia', orgType: 'vocational_college' } },
  {
    type: 'Organisation',
    id: 'org-abo-akademi',
    props: { name: 'Åbo Akademi', orgType: 'university', nameEn: 'Åbo Akademi University', aliases: ['Åbo Akademi University', 'ÅA'] },
  },
  {
    type: 'Organisation',
    id: 'org-ltu',
    props: { name: 'Luleå tekniska universitet', orgType: 'university', nameEn: 'Luleå University of Technology', aliases: ['LTU'] },
  },
  {
    type: 'Organisation',
    id: 'org-vaasan-kaupunki',
    props: { name: 'Vaasan kaupunki', orgType: 'city', nameEn: 'City of Vaasa', nameSv: 'Vasa stad' },
  },
];

const located: SeedRelationship[] = [
  rel('LOCATED_IN', 'org-vamk', 'city-vaasa'),
  rel('LOCATED_IN', 'org-novia', 'city-vaasa'),
  rel('LOCATED_IN', 'org-vamia', 'city-vaasa'),
  rel('LOCATED_IN', 'org-abo-akademi', 'city-turku'),
  rel('LOCATED_IN', 'org-ltu', 'city-skelleftea', { note: 'Skellefteån kampus; pääkampus Luleåssa (Norrbotten).' }),
  rel('LOCATED_IN', 'org-vaasan-kaupunki', 'city-vaasa'),
];

const needs = (org: string, skills: string[]) => skills.map((s) => rel('NEEDS', org, `theme-skill-${s}`, { note: ILLUSTRATIVE }));
const offers = (org: string, level: TrainingLevel, skills: string[]) =>
  skills.map((s) => rel('OFFERS_TRAINING', org, `theme-skill-${s}`, { level, note: ILLUSTRATIVE }));

/** Illustrative needs and training offers (see the header): every link carries the ILLUSTRATIVE note. */
const skillLinks: SeedRelationship[] = [
  // Needs: the Skellefteå cell factory, the battery factory planned in Vaasa, Kokkola's chemical industry.
  ...needs('org-northvolt', [
    'cell-manufacturing-operator',
    'battery-production',
    'automation',
    'industrial-safety',
    'chemical-process-operator',
  ]),
  ...needs('org-vaasan-kaupunki', ['battery-production', 'cell-manufacturing-operator', 'automation']),
  ...needs('org-kokkolan-kaupunki', ['chemical-process-operator', 'industrial-safety', 'recycling-process']),
  // Offers, by level.
  ...offers('org-kpedu', 'vocational', ['chemical-process-operator', 'industrial-safety', 'electrical-maintenance']),
  ...offers('org-centria', 'uas', ['chemical-process-operator', 'automation']),
  ...offers('org-chydenius', 'university', ['battery-chemistry-expertise']),
  ...offers('org-osao', 'vocational', ['battery-production', 'automation', 'electrical-maintenance']),
  ...offers('org-oulun-yliopisto', 'university', ['battery-chemistry-expertise', 'recycling-process']),
  ...offers('org-vamk', 'uas', ['automation', 'electrical-maintenance']),
  ...offers('org-novia', 'uas', ['automation']),
  ...offers('org-vamia', 'vocational', ['automation', 'electrical-maintenance']),
  ...offers('org-abo-akademi', 'university', ['battery-chemistry-expertise']),
  ...offers('org-ltu', 'university', ['battery-production']),
];

export const skillsRelationships: SeedRelationship[] = [...located, ...skillLinks];
