/**
 * Duplicate work between cities: a workspace's projects in an OverlapIndex (domain/overlap), with the
 * places they are run in, for
 *  - one project's top overlaps across a boundary (GET …/projects/:id/overlaps),
 *  - every cross-city pair above a threshold (GET …/overlaps, JSON or CSV),
 *  - the place × theme specialisation matrix (GET …/specialisation),
 *  - the worker's 'insight:overlaps' announcement after a project changes.
 * Each workspace's index is built from Cypher reads (projects-for-overlaps, in pages, indexed in time
 * slices so other requests go on meanwhile) and kept as a FollowedIndex: when the workspace's change-log
 * sequence number moves on (the worker announces it through Redis, api/infra/workspace-seq), it is
 * caught up from the log (change-replay) in the background, and a request waits only when the index
 * lags behind the number it reads, for the new changes only. Catching up reads again only the projects
 * the new changes touch (projects-for-overlaps with their ids) and replaces their records in the index
 * and in the specialisation tallies. A long gap, too many touched projects, or a removed link of a kind
 * that decides where a project runs (the log does not say which project it joined) rebuild it.
 *
 * Where a project is run: its own LOCATED_IN cities and its lead's and partners' LOCATED_IN cities
 * (`cities`, which decide the boundary); cities that are themselves lead or partner of a project (a city
 * in a joint project of several cities) are its `partnerCities`: they count in the specialisation
 * matrix and the city filter, not as the place the project is run.
 */
import { OverlapIndex } from '../../domain/overlap/candidate-index';
import type { CrossBoundary, OverlapProject, OverlapResult } from '../../domain/overlap/score';
import type { Named, OverlapPair, ProjectOverlap, ProjectSummary, Specialisation, SpecialisationCell, SpecialisationCellProjects } from '../../domain/overlap/responses';

export type { Named, OverlapPair, ProjectOverlap, ProjectSummary, Specialisation, SpecialisationCell, SpecialisationCellProjects };
import { getTaxonomy } from '../../domain/themes/taxonomy';
import { perEntityEvents, type AppliedChange, type OverlapInsight } from '../../domain/events';
import type { RelationshipType } from '../../domain/relationships';
import type { GraphDb } from '../infra/neo4j';
import { graphSeqs, type SeqSource } from '../infra/workspace-seq';
import { changesBetween } from './change-replay';
import { FollowedIndex, followedFrom, timeSliced } from './followed-index';
import { SpecialisationTally, type PlaceKind } from './specialisation-tally';


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
  /** The specialisation matrices, following the records. */
  tallies: Record<PlaceKind, SpecialisationTally>;
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
/** Projects per read while an index is built (see build). */
const BUILD_PAGE = 2_000;
/** How many overlaps of each project are looked at when listing pairs. */
const PAIRS_PER_PROJECT = 50;

const uniqueById = <T extends { id: string }>(xs: readonly T[]): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => x && !seen.has(x.id) && seen.add(x.id));
};
const orUndefined = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

export interface LoadOptions {
  /**
   * How long to wait for an index built from scratch before giving up with IndexBuilding (followed-index; default:
   * as long as it takes). Catching up an index that is there always waits.
   */
  coldWaitMs?: number;
}

export class ProjectOverlaps {
  private readonly indexes = new Map<string, FollowedIndex<WorkspaceProjects>>();
  /** Matrices per workspace and `by` (and their JSON once asked for), kept until the index's seq moves on. */
  private readonly matrices = new Map<string, { seq: number; matrix: Specialisation; json?: string }>();
  private readonly seqs: SeqSource;

  constructor(
    private readonly db: GraphDb,
    private readonly opts: { buildPage?: number; seqs?: SeqSource } = {},
  ) {
    this.seqs = opts.seqs ?? graphSeqs(db);
    // Numbers the worker announces: indexes kept here catch up before the next request asks.
    this.seqs.onRaised?.(({ workspaceId, seq }) => this.indexes.get(workspaceId)?.follow(seq));
  }

  /** The workspace's projects and their index, caught up with its change log; null: no workspace. */
  async load(workspaceId: string, options: LoadOptions = {}): Promise<WorkspaceProjects | null> {
    const seq = await this.seqs.current(workspaceId);
    if (seq === null) return null;
    const followed = followedFrom(this.indexes, workspaceId, MAX_CACHED, () =>
      new FollowedIndex<WorkspaceProjects>({
        build: (to) => this.build(workspaceId, to),
        catchUp: (prev, _from, to) => this.catchUp(prev, to),
      }),
    );
    return followed.at(seq, { coldWaitMs: options.coldWaitMs, what: `overlap index of workspace "${workspaceId}"` });
  }

  /**
   * The cached projects with the log's changes after their seq up to `seq` applied: the touched projects
   * are read again (the read sees at least that state) and replaced; those no longer there (deleted,
   * hidden) are removed. Falls back to a rebuild when that would not be cheaper or cannot be exact.
   */
  private async catchUp(prev: WorkspaceProjects, seq: number): Promise<WorkspaceProjects> {
    const changes = await changesBetween(this.db, prev.workspaceId, prev.seq, seq, MAX_REPLAY, this.seqs);
    const touched = changes && (await this.touchedProjects(prev, changes));
    if (!touched || touched.size > MAX_TOUCHED) return this.build(prev.workspaceId, seq);
    if (touched.size) {
      const ids = [...touched];
      const rows = await this.db.read<ProjectRow>('projects-for-overlaps', { workspaceId: prev.workspaceId, projectIds: ids });
      const found = new Set<string>();
      for (const row of rows) {
        const record = recordOf(row, prev.names);
        found.add(record.id);
        replaceRecord(prev, record.id, record);
      }
      for (const id of ids) if (!found.has(id)) replaceRecord(prev, id, null);
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
    /** Sources of new LOCATED_IN / IN_REGION links, and the projects created by these changes. */
    const placed = new Set<string>();
    const createdProjects = new Set<string>();
    for (const c of perEntityEvents(changes)) {
      switch (c.event) {
        case 'node:created':
          if (c.node.type === 'Project') {
            touched.add(c.node.id);
            createdProjects.add(c.node.id);
          }
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
        case 'node:unmerged':
          for (const id of [c.node.id, c.restored.id]) {
            touched.add(id);
            referenced.add(id);
            linked.add(id);
          }
          for (const e of c.edges) touched.add(e.source).add(e.target);
          break;
        case 'relationship:created':
          if (PROJECT_LINKS.has(c.edge.type)) touched.add(c.edge.source).add(c.edge.target);
          if (PLACE_LINKS.has(c.edge.type)) placed.add(c.edge.source);
          break;
        case 'relationship:deleted':
          // The event names only the link; which project it joined is gone with it.
          if (PROJECT_LINKS.has(c.edge.type) || PLACE_LINKS.has(c.edge.type)) return null;
          break;
        case 'relationship:updated':
          // The overlap read uses no link properties.
          break;
        default:
          // An event this code does not know (e.g. a new kind): only a rebuild is exact.
          return null;
      }
    }
    // A project's own place is read again with it; an organisation's or a city's place changes the
    // records of the projects that name it (looking those up for a project would cost a full scan).
    for (const id of placed) if (!ws.projects.has(id) && !createdProjects.has(id)) referenced.add(id);
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
   * Reads the workspace's projects in pages of BUILD_PAGE (each a short read transaction: one read of
   * 50,000 projects ran into Neo4j's transaction timeout) and indexes them in slices of a few ms, so
   * that other requests are answered while a large index is built (about a minute for 50,000 projects).
   */
  private async build(workspaceId: string, seq: number): Promise<WorkspaceProjects> {
    const ids = (await this.db.read<{ id: string }>('project-ids', { workspaceId })).map((r) => r.id);
    const names = new Map<string, string>();
    const labels = (id: string) => names.get(id);
    const ws: WorkspaceProjects = {
      workspaceId,
      seq,
      projects: new Map(),
      index: new OverlapIndex({ labels }),
      names,
      labels,
      tallies: { city: new SpecialisationTally('city'), region: new SpecialisationTally('region') },
    };
    const page = this.opts.buildPage ?? BUILD_PAGE;
    const records: ProjectRecord[] = [];
    for (let from = 0; from < ids.length; from += page) {
      const rows = await this.db.read<ProjectRow>('projects-for-overlaps', { workspaceId, projectIds: ids.slice(from, from + page) });
      await timeSliced(rows, (row) => records.push(recordOf(row, names)));
    }
    await timeSliced(records, (record) => replaceRecord(ws, record.id, record));
    return ws;
  }

  /** Top k overlaps of one project; null when the workspace or the project is not there. */
  async forProject(workspaceId: string, projectId: string, k: number, crossBoundary: CrossBoundary, minScore = 0.05): Promise<ProjectOverlap[] | null> {
    const ws = await this.load(workspaceId);
    return ws && overlapsOf(ws, projectId, k, crossBoundary, minScore);
  }

  /** Every pair of projects in different cities scoring at least minScore, best first; null: no workspace. */
  async pairs(workspaceId: string, f: PairFilters, options: LoadOptions = {}): Promise<{ seq: number; pairs: OverlapPair[]; total: number } | null> {
    const ws = await this.load(workspaceId, options);
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

  /** The place × theme matrix (kept per workspace and `by` until the index's seq moves on); null: no workspace. */
  async specialisation(workspaceId: string, by: PlaceKind, options: LoadOptions = {}): Promise<Specialisation | null> {
    return (await this.keptMatrix(workspaceId, by, options))?.matrix ?? null;
  }

  /** The matrix as JSON text, serialised once per seq (a city matrix of 50,000 projects is some MB). */
  async specialisationJson(workspaceId: string, by: PlaceKind, options: LoadOptions = {}): Promise<string | null> {
    const kept = await this.keptMatrix(workspaceId, by, options);
    if (!kept) return null;
    kept.json ??= JSON.stringify(kept.matrix);
    return kept.json;
  }

  private async keptMatrix(workspaceId: string, by: PlaceKind, options: LoadOptions): Promise<{ seq: number; matrix: Specialisation; json?: string } | null> {
    const ws = await this.load(workspaceId, options);
    if (!ws) return null;
    const key = `${workspaceId}\n${by}`;
    const kept = this.matrices.get(key);
    if (kept && kept.seq === ws.seq) return kept;
    const seq = ws.seq;
    const themeRows = await this.db.read<{ record: ThemeRow }>('nodes-for-matching', { workspaceId, nodeType: 'Theme' });
    const themes = themeRows.map(({ record: t }) => ({ id: t.id, name: t.name, ...(t.nameEn ? { nameEn: t.nameEn } : {}) })).sort((a, b) => a.id.localeCompare(b.id));
    // The index may have moved on while the themes were read: the tallies are those of its seq now.
    const made = { seq: ws.seq, matrix: ws.tallies[by].matrix(workspaceId, ws.seq, themes) };
    if (made.seq === seq) {
      this.matrices.delete(key);
      if (this.matrices.size >= MAX_CACHED * 2) this.matrices.delete(this.matrices.keys().next().value as string);
      this.matrices.set(key, made);
    }
    return made;
  }

  /**
   * The projects behind one cell of the matrix, by name, a page of them; null: no workspace. A cell
   * with no project has total 0.
   */
  async cellProjects(
    workspaceId: string,
    by: PlaceKind,
    placeId: string,
    themeId: string,
    page: { offset: number; limit: number },
    options: LoadOptions = {},
  ): Promise<{ seq: number; total: number; items: (ProjectSummary & { budgetEur?: number })[] } | null> {
    const ws = await this.load(workspaceId, options);
    if (!ws) return null;
    const ids = ws.tallies[by].cellProjects(placeId, themeId) ?? new Set<string>();
    const records = [...ids].flatMap((id) => ws.projects.get(id) ?? []);
    records.sort((a, b) => a.name.localeCompare(b.name, 'fi') || (a.id < b.id ? -1 : 1));
    const items = records
      .slice(page.offset, page.offset + page.limit)
      .map((p) => ({ ...summary(p), ...(p.budgetEur !== undefined ? { budgetEur: p.budgetEur } : {}) }));
    return { seq: ws.seq, total: records.length, items };
  }

  /**
   * The insight the worker announces after a project changed: its overlaps with projects in other cities
   * scoring at least minScore, with a sentence in Finnish and English. Null when the workspace or the
   * project is gone, or nothing overlaps.
   */
  async insight(workspaceId: string, projectId: string, minScore = INSIGHT_MIN_SCORE, k = 5): Promise<OverlapInsight | null> {
    const ws = await this.load(workspaceId);
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

/** Top k overlaps of one project of a loaded workspace; null when the project is not there. */
export function overlapsOf(ws: WorkspaceProjects, projectId: string, k: number, crossBoundary: CrossBoundary, minScore = 0.05): ProjectOverlap[] | null {
  const project = ws.projects.get(projectId);
  if (!project) return null;
  return ws.index.query(project.overlap, k, { crossBoundary, minScore, labels: ws.labels }).map((r) => toOverlap(ws, r));
}

/** Puts a project's new record in place of its old one (null: the project left) in every index of the workspace. */
function replaceRecord(ws: WorkspaceProjects, id: string, record: ProjectRecord | null): void {
  const old = ws.projects.get(id);
  if (old) {
    ws.tallies.city.remove(old);
    ws.tallies.region.remove(old);
  }
  if (!record) {
    if (old) {
      ws.projects.delete(id);
      ws.index.remove(id);
    }
    return;
  }
  ws.projects.set(id, record);
  ws.index.upsert(record.overlap);
  ws.tallies.city.add(record);
  ws.tallies.region.add(record);
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
