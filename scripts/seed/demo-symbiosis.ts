/**
 * ILLUSTRATIVE industrial symbiosis in Kemi-Tornio for the material-flow view (GET …/material-flows):
 * who supplies which side stream to whom, and which side streams have no taker yet.
 *
 * The companies are real (name, type and seat only). The flows, tonnages and side streams below are NOT
 * taken from the sources in shared/seed-network/README.md (which only say that Kemi-Tornio heavy industry
 * leaves about 1.7 million tonnes of by-products and residues a year, and that industrial symbiosis is
 * one of the region's aims): they are plausible examples, and every one carries a note saying so.
 *
 * Model: a flow is SUPPLIES (Organisation -> Organisation, material, tonnesPerYear); a side stream is a
 * SideStream node its producer PRODUCES; it has a taker once a SUPPLIES leaves it.
 */
import type { RelationshipProps, RelationshipType } from '../../domain/relationships';
import type { SeedNode, SeedRelationship } from './demo-network';

const ILLUSTRATIVE = 'Havainnollistava esimerkki, ei lähdetietoa (illustrative example, not from the sources).';

function rel(type: RelationshipType, from: string, to: string, props?: RelationshipProps): SeedRelationship {
  const id = `${from}--${type.toLowerCase().replace(/_/g, '-')}--${to}`;
  return props ? { id, type, from, to, props } : { id, type, from, to };
}

const org = (id: string, name: string, aliases: string[]): SeedNode => ({ type: 'Organisation', id, props: { name, orgType: 'company', aliases } });

const stream = (id: string, name: string, nameEn: string, material: string, tonnesPerYear: number): SeedNode => ({
  type: 'SideStream',
  id,
  props: { name, nameEn, material, tonnesPerYear, description: ILLUSTRATIVE },
});

/** Kemi-Tornio industry (real companies; name, type and seat only). */
export const symbiosisOrganisations: SeedNode[] = [
  org('org-outokumpu-tornio', 'Outokumpu Stainless Oy, Tornion tehtaat', ['Outokumpu Tornio']),
  org('org-metsa-fibre-kemi', 'Metsä Fibre Oy, Kemin biotuotetehdas', ['Metsä Fibre Kemi']),
  org('org-kemin-energia', 'Kemin Energia ja Vesi Oy', ['Kemin Energia']),
];

/** Side streams (illustrative): ids, names and tonnes a year are examples, not sourced figures. */
export const symbiosisStreams: SeedNode[] = [
  stream('stream-outokumpu-steel-slag', 'Terässulaton kuona', 'Steel melt-shop slag', 'kuona', 120_000),
  stream('stream-metsa-fibre-dregs', 'Viherlipeäsakka', 'Green liquor dregs', 'viherlipeäsakka', 8_000),
  stream('stream-kemin-energia-bottom-ash', 'Pohjatuhka', 'Bottom ash', 'tuhka', 15_000),
];

const supplies = (from: string, to: string, material: string, tonnesPerYear: number) =>
  rel('SUPPLIES', from, to, { material, tonnesPerYear, note: ILLUSTRATIVE });

export const symbiosisRelationships: SeedRelationship[] = [
  ...symbiosisOrganisations.map((o) => rel('LOCATED_IN', o.id, o.id === 'org-outokumpu-tornio' ? 'city-tornio' : 'city-kemi')),
  supplies('org-metsa-fibre-kemi', 'org-kemin-energia', 'kuori ja puutähde (bark and wood residues)', 150_000),
  supplies('org-kemin-energia', 'org-metsa-fibre-kemi', 'prosessihöyry (process steam)', 60_000),
  supplies('org-metsa-fibre-kemi', 'org-outokumpu-tornio', 'meesa (lime mud)', 20_000),
  rel('PRODUCES', 'org-outokumpu-tornio', 'stream-outokumpu-steel-slag', { note: ILLUSTRATIVE }),
  rel('PRODUCES', 'org-metsa-fibre-kemi', 'stream-metsa-fibre-dregs', { note: ILLUSTRATIVE }),
  rel('PRODUCES', 'org-kemin-energia', 'stream-kemin-energia-bottom-ash', { note: ILLUSTRATIVE }),
  // Digipolis runs the Arctic industry and circular economy cluster these companies belong to (illustrative).
  ...symbiosisOrganisations.map((o) => rel('MEMBER_OF', o.id, 'cluster-arktinen-teollisuus', { note: ILLUSTRATIVE })),
];
