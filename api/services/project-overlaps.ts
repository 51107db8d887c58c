/**
 * Duplicate work between cities: a workspace's projects in an OverlapIndex (domain/overlap), with the
 * places they are run in, for
 *  - one project's top overlaps across a boundary (GET …/projects/:id/overlaps),
 *  - every cross-city pair above a threshold (GET …/overlaps, JSON or CSV),
 *  - the place × theme specialisation matrix (GET …/specialisation),
 *  - the worker's 'insight:overlaps' announcement after a project changes.
 * Each workspace's index is built from one Cypher read (projects-for-overlaps) and kept; when the
 * workspace's change-log sequence number moves on, it is caught up from the log (change-replay): only
 * the projects the new changes touch are read again (projects-for-overlaps with their ids) and replaced
 * in the index. A long gap, too many touched projects, or a removed link of a kind that decides where a
 * project runs (the log does not say which project it joined) rebuild it.
 *
 * Where a project is run: its own LOCATED_IN cities and its lead's and partners' LOCATED_IN cities
 * (`cities`, which decide the boundary); cities that are themselves lead or partner of a project (a city
 * in a joint project of several cities) are its `partnerCities`: they count in the specialisation
 * matrix and the city filter, not as the place the project is run.
 */
import { OverlapIndex } from '../../domain/overlap/candidate-index';
import type { CrossBoundary, OverlapProject, OverlapResult } from '../../domain/overlap/score';
import type { Named, OverlapPair, ProjectOverlap, ProjectSummary, Specialisation, SpecialisationCell } from '../../domain/overlap/responses';

export type { Named, OverlapPair, ProjectOverlap, ProjectSummary, Specialisation, SpecialisationCell };
import { getTaxonomy } from '../../domain/themes/taxonomy';
import type { AppliedChange, OverlapInsight } from '../../domain/events';
import type { RelationshipType } from '../../domain/relationships';
import type { GraphDb } from '../infra/neo4j';
import { changesBetween } from './change-replay';


interface ProjectRow {
  project: {
    id: string;
    name: string;
    nameEn: string | null;
    description: string | null;
    goals: string[] | null;
    startDate: string | null;
    endDate: string | null;
    budgetEur: number | null;
    version: number | null;
  };
  themes: string[];
  cities: Named[];
  partnerCities: Named[];
  regions: Named[];
  partners: (Named & { type: 'Organisation' | 'Other'; cityIds: string[]; regionIds: string[] })[];
  funders: Named[];
  programmes: Named[];
}

export interface ProjectRecord {
  id: string;
  name: string;
  nameEn?: string;
  startDate?: string;
  endDate?: string;
  budgetEur?: number;
  version: number;
  themes: string[];
  /** Where the project is run (boundary of overlaps), first the project's own, then its lead's. */
  cities: Named[];
  /** Cities that are themselves lead or partner. */
  partnerCities: Named[];
  regions: Named[];
  /** Lead and partner organisations with where they are. */
  organisations: { id: string; name: string; cityIds: string[]; regionIds: string[] }[];
  overlap: OverlapProject;
}

export interface WorkspaceProjects {
  workspaceId: string;
  seq: number;
  projects: Map<string, ProjectRecord>;
  index: OverlapIndex;
  /** Names of the projects and of everything they link to, for explanations. */
  names: Map<string, string>;
  labels: (id: string) => string | undefined;
}




export interface PairFilters {
  city?: string;
  region?: string;
  theme?: string;
  /** YYYY-MM-DD; both projects must run at some time in [from, to] (an unknown period passes). */
  from?: string;
  to?: string;
  minScore: number;
  limit: number;
}



interface ThemeRow {
  id: string;
  name: string;
  nameEn: string | null;
}

const MAX_CACHED = 20;
/** Most log entries replayed into a cached index; a longer gap rebuilds it. */
const MAX_REPLAY = 5_000;
/** Most projects read again when catching up; more rebuild the index. */
const MAX_TOUCHED = 5_000;
/** Links the overlap read follows from a project (directly). */
const PROJECT_LINKS: ReadonlySet<RelationshipType> = new Set<RelationshipType>(['LEADS', 'PARTNER_IN', 'FUNDS', 'FUNDED_BY', 'FOCUSES_ON', 'PART_OF', 'LOCATED_IN']);
/** Links that place an organisation or a city (a project's cities and regions come through them). */
const PLACE_LINKS: ReadonlySet<RelationshipType> = new Set<RelationshipType>(['LOCATED_IN', 'IN_REGION']);
/** How old an index the worker's insights may reuse, refreshing only the changed project. */
const REFRESH_WINDOW_MS = 10_000;
/** Projects per read while an index is built (see build). */
const BUILD_PAGE = 2_000;
/** How many overlaps of each project are looked at when listing pairs. */
const PAIRS_PER_PROJECT = 50;

const uniqueById = <T extends { id: string }>(xs: readonly T[]): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => x && !seen.has(x.id) && seen.add(x.id));
};
const orUndefined = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

export class ProjectOverlaps {
  private readonly cache = new Map<string, { seq: number; builtAt: number; data: Promise<WorkspaceProjects> }>();
  private readonly matrices = new Map<string, { seq: number; matrix: Specialisation }>();

  constructor(
    private readonly db: GraphDb,
    private readonly opts: { buildPage?: number } = {},
  ) {}

  /** The workspace's projects and their index, caught up with its change log; null: no workspace. */
  async load(workspaceId: string): Promise<WorkspaceProjects | null> {
    const [ws] = await this.db.read<{ seq: number }>('workspace-seq', { workspaceId });
    if (!ws) return null;
    const cached = this.cache.get(workspaceId);
    if (cached && cached.seq === ws.seq) return cached.data;
    this.cache.delete(workspaceId);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    // Catch-ups chain onto the previous promise, so concurrent requests never update one index twice at once.
    const data =
      cached && cached.seq < ws.seq ? cached.data.then((prev) => this.catchUp(prev, ws.seq)) : this.build(workspaceId, ws.seq);
    this.cache.set(workspaceId, { seq: ws.seq, builtAt: cached && cached.seq < ws.seq ? cached.builtAt : Date.now(), data });
    data.catch(() => this.cache.get(workspaceId)?.data === data && this.cache.delete(workspaceId));
    return data;
  }

  /**
   * The cached projects with the log's changes after their seq up to `seq` applied: the touched projects
   * are read again (the read sees at least that state) and replaced; those no longer there (deleted,
   * hidden) are removed. Falls back to a rebuild when that would not be cheaper or cannot be exact.
   */
  private async catchUp(prev: WorkspaceProjects, seq: number): Promise<WorkspaceProjects> {
    const changes = await changesBetween(this.db, prev.workspaceId, prev.seq, seq, MAX_REPLAY);
    const touched = changes && (await this.touchedProjects(prev, changes));
    if (!touched || touched.size > MAX_TOUCHED) return this.build(prev.workspaceId, seq);
    if (touched.size) {
      const ids = [...touched];
      const rows = await this.db.read<ProjectRow>('projects-for-overlaps', { workspaceId: prev.workspaceId, projectIds: ids });
      const found = new Set<string>();
      for (const row of rows) {
        const record = recordOf(row, prev.names);
        found.add(record.id);
        prev.projects.set(record.id, record);
        prev.index.upsert(record.overlap);
      }
      for (const id of ids) {
        if (found.has(id) || !prev.projects.delete(id)) continue;
        prev.index.remove(id);
      }
    }
    prev.seq = seq;
    return prev;
  }

  /**
   * The projects whose overlap record the changes may alter (ids that are not projects are harmless: the
   * read ignores them); null when only a rebuild is exact.
   */
  private async touchedProjects(ws: WorkspaceProjects, changes: AppliedChange[]): Promise<Set<string> | null> {
    const touched = new Set<string>();
    /** Nodes whose referencing projects (in the cached records) change with them. */
    const referenced = new Set<string>();
    /** Nodes whose directly linked projects are looked up in the graph (e.g. an organisation shown again). */
    const linked = new Set<string>();
    for (const c of changes) {
      switch (c.event) {
        case 'node:created':
          if (c.node.type === 'Project') touched.add(c.node.id);
          break;
        case 'node:updated':
          if (c.node.type === 'Project') touched.add(c.node.id);
          else if (c.node.type !== 'Workspace') {
            referenced.add(c.node.id);
            linked.add(c.node.id);
          }
          break;
        case 'node:deleted':
          if (c.node.type === 'Project') touched.add(c.node.id);
          else referenced.add(c.node.id);
          break;
        case 'node:merged':
          for (const id of [c.node.id, c.mergedId]) {
            touched.add(id);
            referenced.add(id);
            linked.add(id);
          }
          for (const e of c.movedEdges) touched.add(e.source).add(e.target);
          break;
        case 'relationship:created':
          if (PROJECT_LINKS.has(c.edge.type)) touched.add(c.edge.source).add(c.edge.target);
          if (PLACE_LINKS.has(c.edge.type)) referenced.add(c.edge.source);
          break;
        case 'relationship:deleted':
          // The event names only the link; which project it joined is gone with it.
          if (PROJECT_LINKS.has(c.edge.type) || PLACE_LINKS.has(c.edge.type)) return null;
          break;
        default:
          // relationship:updated: the overlap read uses no link properties.
          break;
      }
    }
    if (referenced.size) {
      for (const p of ws.projects.values()) if (mentionsAny(p, referenced)) touched.add(p.id);
    }
    if (linked.size) {
      const rows = await this.db.read<{ projectId: string }>('projects-linked-to', { workspaceId: ws.workspaceId, nodeIds: [...linked] });
      for (const r of rows) touched.add(r.projectId);
    }
    return touched;
  }

  /**
   * For the worker's insights: an index built less than REFRESH_WINDOW_MS ago is reused with just the
   * given project read again, so a stream of changes does not rebuild the whole index for every
   * changed project; an older one is rebuilt. The other projects' data may be that many ms old.
   */
  async loadRefreshed(workspaceId: string, projectId: string): Promise<WorkspaceProjects | null> {
    const cached = this.cache.get(workspaceId);
    if (!cached || Date.now() - cached.builtAt > REFRESH_WINDOW_MS) return this.load(workspaceId);
    const ws = await cached.data;
    const rows = await this.db.read<ProjectRow>('projects-for-overlaps', { workspaceId, projectIds: [projectId] });
    if (!rows.length) {
      ws.projects.delete(projectId);
      ws.index.remove(projectId);
      return ws;
    }
    const record = recordOf(rows[0], ws.names);
    ws.projects.set(record.id, record);
    ws.index.upsert(record.overlap);
    return ws;
  }

  /**
   * Reads the workspace's projects in pages of BUILD_PAGE (each a short read transaction: one read of
   * 50,000 projects ran into Neo4j's transaction timeout) and indexes each page before the next, giving
   * the event loop back in between.
   */
  private async build(workspaceId: string, seq: number): Promise<WorkspaceProjects> {
    const ids = (await this.db.read<{ id: string }>('project-ids', { workspaceId })).map((r) => r.id);
    const names = new Map<string, string>();
    const projects = new Map<string, ProjectRecord>();
    const labels = (id: string) => names.get(id);
    const index = new OverlapIndex({ labels });
    const page = this.opts.buildPage ?? BUILD_PAGE;
    for (let from = 0; from < ids.length; from += page) {
      const rows = await this.db.read<ProjectRow>('projects-for-overlaps', { workspaceId, projectIds: ids.slice(from, from + page) });
      for (const row of rows) {
        const record = recordOf(row, names);
        projects.set(record.id, record);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const p of projects.values()) index.upsert(p.overlap);
    return { workspaceId, seq, projects, index, names, labels };
  }

  /** Top k overlaps of one project; null when the workspace or the project is not there. */
  async forProject(workspaceId: string, projectId: string, k: number, crossBoundary: CrossBoundary, minScore = 0.05): Promise<ProjectOverlap[] | null> {
    const ws = await this.load(workspaceId);
    const project = ws?.projects.get(projectId);
    if (!ws || !project) return null;
    return ws.index.query(project.overlap, k, { crossBoundary, minScore, labels: ws.labels }).map((r) => toOverlap(ws, r));
  }

  /** Every pair of projects in different cities scoring at least minScore, best first; null: no workspace. */
  async pairs(workspaceId: string, f: PairFilters): Promise<{ seq: number; pairs: OverlapPair[]; total: number } | null> {
    const ws = await this.load(workspaceId);
    if (!ws) return null;
    const taxonomy = getTaxonomy();
    const inPlace = (p: ProjectRecord) =>
      (!f.city || p.cities.some((c) => c.id === f.city) || p.partnerCities.some((c) => c.id === f.city)) &&
      (!f.region || p.regions.some((r) => r.id === f.region));
    const onTheme = (p: ProjectRecord) => !f.theme || p.themes.some((t) => t === f.theme || taxonomy.ancestors(t).includes(f.theme!));
    const inPeriod = (p: ProjectRecord) => (!f.from || !p.endDate || p.endDate >= f.from) && (!f.to || !p.startDate || p.startDate <= f.to);
    const seen = new Set<string>();
    const pairs: OverlapPair[] = [];
    for (const p of ws.projects.values()) {
      if (!inPeriod(p)) continue;
      for (const r of ws.index.query(p.overlap, PAIRS_PER_PROJECT, { crossBoundary: 'city', minScore: f.minScore, labels: ws.labels })) {
        const q = ws.projects.get(r.id);
        if (!q || !inPeriod(q)) continue;
        const key = p.id < q.id ? `${p.id}\n${q.id}` : `${q.id}\n${p.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!(inPlace(p) || inPlace(q)) || !(onTheme(p) || onTheme(q))) continue;
        const [a, b] = p.id < q.id ? [p, q] : [q, p];
        pairs.push({ a: summary(a), b: summary(b), score: r.score, parts: r.parts, explanation: { fi: r.explanationFi, en: r.explanationEn } });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
    return { seq: ws.seq, pairs: pairs.slice(0, f.limit), total: pairs.length };
  }

  /** The place × theme matrix (kept per workspace and `by` until the workspace's seq moves on); null: no workspace. */
  async specialisation(workspaceId: string, by: 'city' | 'region'): Promise<Specialisation | null> {
    const ws = await this.load(workspaceId);
    if (!ws) return null;
    const key = `${workspaceId}\n${by}`;
    const kept = this.matrices.get(key);
    if (kept && kept.seq === ws.seq) return kept.matrix;
    const matrix = await this.computeSpecialisation(ws, by);
    this.matrices.delete(key);
    if (this.matrices.size >= MAX_CACHED * 2) this.matrices.delete(this.matrices.keys().next().value as string);
    this.matrices.set(key, { seq: ws.seq, matrix });
    return matrix;
  }

  private async computeSpecialisation(ws: WorkspaceProjects, by: 'city' | 'region'): Promise<Specialisation> {
    const { workspaceId } = ws;
    const themeRows = await this.db.read<{ record: ThemeRow }>('nodes-for-matching', { workspaceId, nodeType: 'Theme' });
    const themes = themeRows.map(({ record: t }) => ({ id: t.id, name: t.name, ...(t.nameEn ? { nameEn: t.nameEn } : {}) })).sort((a, b) => a.id.localeCompare(b.id));
    const places = new Map<string, Named & { projects: Set<string>; euros: number }>();
    const cells = new Map<string, { placeId: string; themeId: string; projects: Set<string>; organisations: Set<string>; euros: number }>();
    for (const p of ws.projects.values()) {
      const where = uniqueById(by === 'city' ? [...p.cities, ...p.partnerCities] : p.regions);
      for (const place of where) {
        let row = places.get(place.id);
        if (!row) places.set(place.id, (row = { ...place, projects: new Set(), euros: 0 }));
        // Budgets count once per project per place.
        if (!row.projects.has(p.id)) {
          row.projects.add(p.id);
          row.euros += p.budgetEur ?? 0;
        }
        const orgs = p.organisations.filter((o) => (by === 'city' ? o.cityIds : o.regionIds).includes(place.id)).map((o) => o.id);
        for (const themeId of new Set(p.themes)) {
          const key = `${place.id}\n${themeId}`;
          let cell = cells.get(key);
          if (!cell) cells.set(key, (cell = { placeId: place.id, themeId, projects: new Set(), organisations: new Set(), euros: 0 }));
          if (!cell.projects.has(p.id)) {
            cell.projects.add(p.id);
            cell.euros += p.budgetEur ?? 0;
          }
          orgs.forEach((o) => cell!.organisations.add(o));
        }
      }
    }
    const placesByTheme = new Map<string, string[]>();
    for (const c of cells.values()) placesByTheme.set(c.themeId, [...(placesByTheme.get(c.themeId) ?? []), c.placeId]);
    return {
      workspaceId,
      seq: ws.seq,
      by,
      places: [...places.values()]
        .map(({ id, name, projects, euros }) => ({ id, name, projects: projects.size, euros }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
      themes,
      cells: [...cells.values()]
        .map((c) => ({ placeId: c.placeId, themeId: c.themeId, projects: c.projects.size, organisations: c.organisations.size, euros: c.euros, projectIds: [...c.projects].sort() }))
        .sort((a, b) => a.themeId.localeCompare(b.themeId) || a.placeId.localeCompare(b.placeId)),
      gaps: themes.filter((t) => !placesByTheme.has(t.id)),
      crowded: themes
        .filter((t) => (placesByTheme.get(t.id)?.length ?? 0) >= 3)
        .map((t) => ({ ...t, placeIds: [...placesByTheme.get(t.id)!].sort() })),
    };
  }

  /**
   * The insight the worker announces after a project changed: its overlaps with projects in other cities
   * scoring at least minScore, with a sentence in Finnish and English. Null when the workspace or the
   * project is gone, or nothing overlaps.
   */
  async insight(workspaceId: string, projectId: string, minScore = INSIGHT_MIN_SCORE, k = 5): Promise<OverlapInsight | null> {
    const ws = await this.loadRefreshed(workspaceId, projectId);
    const project = ws?.projects.get(projectId);
    if (!ws || !project) return null;
    const found = ws.index.query(project.overlap, k, { crossBoundary: 'city', minScore, labels: ws.labels });
    if (!found.length) return null;
    const overlaps = found.map((r) => {
      const other = ws.projects.get(r.id);
      return {
        projectId: r.id,
        name: other?.name ?? r.project.name,
        city: other?.cities[0]?.name ?? null,
        score: r.score,
        explanation: { fi: r.explanationFi, en: r.explanationEn },
      };
    });
    return { workspaceId, projectId, overlaps, message: insightMessage(project, overlaps.map((o) => o.city)) };
  }
}

/** Whether a project's record names any of the ids (a place, organisation, partner, funder, programme or theme of it). */
function mentionsAny(p: ProjectRecord, ids: ReadonlySet<string>): boolean {
  const o = p.overlap;
  const lists: readonly (readonly string[] | undefined)[] = [o.partnerIds, o.funderIds, o.programmeIds, o.themes, o.regionIds];
  if (lists.some((l) => l?.some((id) => ids.has(id)))) return true;
  if (p.cities.some((c) => ids.has(c.id)) || p.partnerCities.some((c) => ids.has(c.id))) return true;
  return p.organisations.some((org) => org.cityIds.some((id) => ids.has(id)) || org.regionIds.some((id) => ids.has(id)));
}

/** Overlaps announced by the worker score at least this much. */
export const INSIGHT_MIN_SCORE = 0.2;

/** A project row as a record, noting the names of everything it links to in `names`. */
function recordOf(row: ProjectRow, names: Map<string, string>): ProjectRecord {
  const p = row.project;
  const cities = uniqueById(row.cities);
  const regions = uniqueById(row.regions);
  const partners = uniqueById(row.partners);
  const funders = uniqueById(row.funders);
  const programmes = uniqueById(row.programmes);
  for (const x of [...cities, ...row.partnerCities, ...regions, ...partners, ...funders, ...programmes]) names.set(x.id, x.name);
  names.set(p.id, p.name);
  const overlap: OverlapProject = {
    id: p.id,
    name: p.name,
    nameEn: orUndefined(p.nameEn),
    description: orUndefined(p.description),
    goals: orUndefined(p.goals),
    themes: row.themes,
    cityIds: cities.map((c) => c.id),
    regionIds: regions.map((r) => r.id),
    partnerIds: partners.map((x) => x.id),
    funderIds: funders.map((x) => x.id),
    programmeIds: programmes.map((x) => x.id),
    startDate: orUndefined(p.startDate),
    endDate: orUndefined(p.endDate),
  };
  return {
    id: p.id,
    name: p.name,
    nameEn: overlap.nameEn,
    startDate: overlap.startDate,
    endDate: overlap.endDate,
    budgetEur: orUndefined(p.budgetEur),
    version: p.version ?? 1,
    themes: row.themes,
    cities,
    partnerCities: uniqueById(row.partnerCities),
    regions,
    organisations: partners.filter((x) => x.type === 'Organisation').map(({ id, name, cityIds, regionIds }) => ({ id, name, cityIds, regionIds })),
    overlap,
  };
}

function summary(p: ProjectRecord): ProjectSummary {
  return { id: p.id, name: p.name, ...(p.nameEn ? { nameEn: p.nameEn } : {}), cities: p.cities, regions: p.regions };
}

function toOverlap(ws: WorkspaceProjects, r: OverlapResult): ProjectOverlap {
  const p = ws.projects.get(r.id);
  const base = p ? summary(p) : { id: r.id, name: r.project.name, cities: [], regions: [] };
  return { ...base, score: r.score, parts: r.parts, explanation: { fi: r.explanationFi, en: r.explanationEn } };
}

// ---------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------

/** Inessive ("in X") of Finnish place names that do not take the plain -ssa/-ssä ending. */
const INESSIVE: Record<string, string> = {
  Turku: 'Turussa',
  Lappeenranta: 'Lappeenrannassa',
  Tampere: 'Tampereella',
  Helsinki: 'Helsingissä',
  Rovaniemi: 'Rovaniemellä',
  Seinäjoki: 'Seinäjoella',
  Kemi: 'Kemissä',
  Raahe: 'Raahessa',
  Hamina: 'Haminassa',
  Kotka: 'Kotkassa',
  Lahti: 'Lahdessa',
  Joensuu: 'Joensuussa',
  Mikkeli: 'Mikkelissä',
  Kajaani: 'Kajaanissa',
  Hämeenlinna: 'Hämeenlinnassa',
  Savonlinna: 'Savonlinnassa',
  Uusikaupunki: 'Uudessakaupungissa',
  Kristiinankaupunki: 'Kristiinankaupungissa',
  Luleå: 'Luulajassa',
  Tukholma: 'Tukholmassa',
};

/** "Vaasassa", "Jyväskylässä", "Porissa"; names ending in a consonant get a colon (Skellefteå → Skellefteåssa). */
export function inessive(name: string): string {
  if (INESSIVE[name]) return INESSIVE[name];
  const back = /[aouå]/i.test(name.replace(/.*[-\s]/, ''));
  const ending = back ? 'ssa' : 'ssä';
  return /[aeiouyäöå]$/i.test(name) ? `${name}${ending}` : `${name}:${ending}`;
}

const listFi = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ja ${xs[xs.length - 1]}`);
const listEn = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "Uusi hanke Vaasassa on päällekkäinen 2 hankkeen kanssa Kokkolassa ja Porissa." and its English. */
export function insightMessage(project: Pick<ProjectRecord, 'version' | 'cities'>, otherCities: (string | null)[]): { fi: string; en: string } {
  const isNew = project.version <= 1;
  const here = project.cities[0]?.name;
  const n = otherCities.length;
  const places = [...new Set(otherCities.filter((c): c is string => Boolean(c)))];
  const fi =
    `${isNew ? 'Uusi hanke' : 'Hanke'}${here ? ` ${inessive(here)}` : ''} on päällekkäinen ` +
    `${n === 1 ? 'yhden hankkeen' : `${n} hankkeen`} kanssa${places.length ? ` ${listFi(places.map(inessive))}` : ' muissa kaupungeissa'}.`;
  const en =
    `${isNew ? 'A new project' : 'A project'}${here ? ` in ${here}` : ''} overlaps with ` +
    `${n === 1 ? 'a project' : `${n} projects`} in ${places.length ? listEn(places) : 'other cities'}.`;
  return { fi, en };
}
