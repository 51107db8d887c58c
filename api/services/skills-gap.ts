/**
 * Skills gap (the Battery Region question): per region (or city), the competences organisations there
 * NEED against the training education providers there OFFER, the gaps (needed, not offered in the
 * place), and for each gap the other places that do offer it, nearest first.
 *
 * Where an organisation is: its LOCATED_IN cities, and their regions (or a region it is LOCATED_IN
 * directly); one in several places counts in each. The data has no region adjacency, so "neighbouring"
 * is geographic: places are ordered by the distance between their centres (a city's coordinates, the
 * mean of a region's cities'); places without coordinates come last, by name.
 */
import { SKILL_KIND, type TrainingLevel } from '../../domain/skills';
import type { GraphDb } from '../infra/neo4j';
import type { GraphReads } from './graph-reads';

export type SkillsBy = 'region' | 'city';

interface Named {
  id: string;
  name: string;
}

interface SkillTheme extends Named {
  nameEn?: string | null;
  nameSv?: string | null;
}

export interface SkillLinkRow {
  relType: 'NEEDS' | 'OFFERS_TRAINING';
  level: TrainingLevel | null;
  org: Named;
  theme: SkillTheme;
  cityIds: string[];
  regionIds: string[];
}

export interface PlaceRow {
  id: string;
  type: 'City' | 'Region';
  name: string;
  nameEn: string | null;
  nameSv: string | null;
  lat: number | null;
  lon: number | null;
  regionIds: string[];
  cityCoords: [number, number][];
}

export interface Provider extends Named {
  level: TrainingLevel | null;
}

export interface OfferedElsewhere {
  placeId: string;
  placeName: string;
  /** Between the places' centres; null when either has no coordinates. */
  distanceKm: number | null;
  providers: Provider[];
}

export interface PlaceSkill {
  skillId: string;
  skillName: string;
  needs: { count: number; organisations: Named[] };
  offers: { count: number; providers: Provider[]; levels: TrainingLevel[] };
  /** Needed here and offered by no provider here. */
  gap: boolean;
  /** For a gap: the other places offering it, nearest first (empty when no place does). */
  offeredElsewhere: OfferedElsewhere[];
}

export interface PlaceSkills {
  id: string;
  name: string;
  nameEn?: string;
  nameSv?: string;
  lat: number | null;
  lon: number | null;
  needed: number;
  offered: number;
  gaps: number;
  skills: PlaceSkill[];
}

export interface SkillsReport {
  workspaceId: string;
  seq: number;
  by: SkillsBy;
  skills: SkillTheme[];
  places: PlaceSkills[];
  /** Links of organisations located in no place of this kind (e.g. located only in a country). */
  unplaced: { needs: number; offers: number };
}

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

function distanceKm(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return Math.round(2 * EARTH_KM * Math.asin(Math.sqrt(h)));
}

/** A place's centre: a city's own coordinates, the mean of a region's cities'. */
function centreOf(p: PlaceRow): { lat: number | null; lon: number | null } {
  if (p.type === 'City') return { lat: p.lat, lon: p.lon };
  if (!p.cityCoords.length) return { lat: null, lon: null };
  const n = p.cityCoords.length;
  return { lat: p.cityCoords.reduce((s, c) => s + c[0], 0) / n, lon: p.cityCoords.reduce((s, c) => s + c[1], 0) / n };
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id);
const LEVEL_ORDER: Record<TrainingLevel, number> = { vocational: 0, uas: 1, university: 2 };

interface Cell {
  needs: Map<string, Named>;
  providers: Map<string, Provider>;
}

/** The report from the skill links and the places (pure: the service reads, this computes). */
export function buildSkillsReport(
  workspaceId: string,
  seq: number,
  by: SkillsBy,
  links: SkillLinkRow[],
  placeRows: PlaceRow[],
): SkillsReport {
  const kind = by === 'city' ? 'City' : 'Region';
  const places = new Map(placeRows.filter((p) => p.type === kind).map((p) => [p.id, { row: p, centre: centreOf(p) }]));
  const skills = new Map<string, SkillTheme>();
  // placeId -> skillId -> who needs it, who offers it
  const cells = new Map<string, Map<string, Cell>>();
  const unplaced = { needs: 0, offers: 0 };

  for (const link of links) {
    skills.set(link.theme.id, link.theme);
    const where = [...new Set(by === 'city' ? link.cityIds : link.regionIds)].filter((id) => places.has(id));
    if (!where.length) {
      unplaced[link.relType === 'NEEDS' ? 'needs' : 'offers']++;
      continue;
    }
    for (const placeId of where) {
      let bySkill = cells.get(placeId);
      if (!bySkill) cells.set(placeId, (bySkill = new Map()));
      let cell = bySkill.get(link.theme.id);
      if (!cell) bySkill.set(link.theme.id, (cell = { needs: new Map(), providers: new Map() }));
      if (link.relType === 'NEEDS') cell.needs.set(link.org.id, link.org);
      else {
        // One provider may offer a skill at two levels: one entry per level.
        const key = `${link.org.id}\n${link.level ?? ''}`;
        cell.providers.set(key, { ...link.org, level: link.level });
      }
    }
  }

  const providersOf = (cell: Cell | undefined) =>
    [...(cell?.providers.values() ?? [])].sort(
      (a, b) => byName(a, b) || LEVEL_ORDER[a.level ?? 'vocational'] - LEVEL_ORDER[b.level ?? 'vocational'],
    );

  const out: PlaceSkills[] = [];
  for (const [placeId, bySkill] of cells) {
    const here = places.get(placeId)!;
    const placeSkills: PlaceSkill[] = [];
    for (const [skillId, cell] of bySkill) {
      const providers = providersOf(cell);
      const gap = cell.needs.size > 0 && providers.length === 0;
      const offeredElsewhere: OfferedElsewhere[] = [];
      if (gap) {
        for (const [otherId, otherSkills] of cells) {
          const other = otherSkills.get(skillId);
          if (otherId === placeId || !other?.providers.size) continue;
          const there = places.get(otherId)!;
          offeredElsewhere.push({
            placeId: otherId,
            placeName: there.row.name,
            distanceKm: distanceKm(here.centre, there.centre),
            providers: providersOf(other),
          });
        }
        offeredElsewhere.sort(
          (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.placeName.localeCompare(b.placeName, 'fi'),
        );
      }
      placeSkills.push({
        skillId,
        skillName: skills.get(skillId)!.name,
        needs: { count: cell.needs.size, organisations: [...cell.needs.values()].sort(byName) },
        offers: {
          count: new Set(providers.map((p) => p.id)).size,
          providers,
          levels: [...new Set(providers.flatMap((p) => (p.level ? [p.level] : [])))].sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b]),
        },
        gap,
        offeredElsewhere,
      });
    }
    // Gaps first, then the most needed.
    placeSkills.sort(
      (a, b) => Number(b.gap) - Number(a.gap) || b.needs.count - a.needs.count || a.skillName.localeCompare(b.skillName, 'fi'),
    );
    const row = here.row;
    out.push({
      id: row.id,
      name: row.name,
      ...(row.nameEn ? { nameEn: row.nameEn } : {}),
      ...(row.nameSv ? { nameSv: row.nameSv } : {}),
      lat: here.centre.lat === null ? null : Math.round(here.centre.lat * 1e4) / 1e4,
      lon: here.centre.lon === null ? null : Math.round(here.centre.lon * 1e4) / 1e4,
      needed: placeSkills.filter((s) => s.needs.count > 0).length,
      offered: placeSkills.filter((s) => s.offers.count > 0).length,
      gaps: placeSkills.filter((s) => s.gap).length,
      skills: placeSkills,
    });
  }
  out.sort(byName);
  return {
    workspaceId,
    seq,
    by,
    skills: [...skills.values()]
      .map((s) => ({ id: s.id, name: s.name, ...(s.nameEn ? { nameEn: s.nameEn } : {}), ...(s.nameSv ? { nameSv: s.nameSv } : {}) }))
      .sort(byName),
    places: out,
    unplaced,
  };
}

export class SkillsGap {
  constructor(
    private readonly db: GraphDb,
    private readonly reads: GraphReads,
  ) {}

  /** The report, or null when the workspace does not exist. */
  async report(workspaceId: string, by: SkillsBy): Promise<SkillsReport | null> {
    const workspace = await this.reads.workspace(workspaceId);
    if (!workspace) return null;
    // One read transaction: the links and the places from the same state of the graph.
    const [links, places] = await this.db.transaction(
      'READ',
      async (tx) =>
        [
          await tx.run<SkillLinkRow>('skills-links', { workspaceId, kind: SKILL_KIND }),
          await tx.run<PlaceRow>('skills-places', { workspaceId }),
        ] as const,
    );
    return buildSkillsReport(workspaceId, workspace.seq, by, links, places);
  }
}
