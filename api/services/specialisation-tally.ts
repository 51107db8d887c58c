/**
 * The place × theme specialisation matrix of a workspace's projects, kept as running tallies that
 * follow the overlap index record by record (add the new record, remove the old one), so the matrix of
 * 50,000 projects is there without going through them all after every change. A cell counts its
 * projects and their euros once each, and its organisations (the leads and partners located in the
 * place) once however many of its projects they are in; it keeps its project ids for the per-cell list.
 */
import type { Specialisation } from '../../domain/overlap/responses';
import type { ProjectRecord } from './project-overlaps';

export type PlaceKind = 'city' | 'region';

interface PlaceTally {
  name: string;
  projects: number;
  euros: number;
}

interface CellTally {
  placeId: string;
  themeId: string;
  projects: Set<string>;
  /** Organisation id -> in how many of the cell's projects (it counts once). */
  organisations: Map<string, number>;
  euros: number;
}

export class SpecialisationTally {
  private readonly places = new Map<string, PlaceTally>();
  /** Place id -> theme id -> cell (no joined keys to build for every count). */
  private readonly cells = new Map<string, Map<string, CellTally>>();

  constructor(readonly by: PlaceKind) {}

  add(p: ProjectRecord): void {
    this.count(p, 1);
  }

  /** Takes out a record added before (the very record, or one equal to it). */
  remove(p: ProjectRecord): void {
    this.count(p, -1);
  }

  /** The project ids of one cell (undefined: no project there). */
  cellProjects(placeId: string, themeId: string): ReadonlySet<string> | undefined {
    return this.cells.get(placeId)?.get(themeId)?.projects;
  }

  /** The matrix, given the workspace's themes (sorted by id). */
  matrix(workspaceId: string, seq: number, themes: Specialisation['themes']): Specialisation {
    const cells = [...this.cells.values()].flatMap((byTheme) => [...byTheme.values()]);
    const placesByTheme = new Map<string, string[]>();
    for (const c of cells) {
      const list = placesByTheme.get(c.themeId);
      if (list) list.push(c.placeId);
      else placesByTheme.set(c.themeId, [c.placeId]);
    }
    return {
      workspaceId,
      seq,
      by: this.by,
      places: [...this.places]
        .map(([id, { name, projects, euros }]) => ({ id, name, projects, euros }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fi') || (a.id < b.id ? -1 : 1)),
      themes,
      cells: cells
        .map((c) => ({ placeId: c.placeId, themeId: c.themeId, projects: c.projects.size, organisations: c.organisations.size, euros: c.euros }))
        .sort((a, b) => (a.themeId === b.themeId ? (a.placeId < b.placeId ? -1 : 1) : a.themeId < b.themeId ? -1 : 1)),
      gaps: themes.filter((t) => !placesByTheme.has(t.id)),
      crowded: themes
        .filter((t) => (placesByTheme.get(t.id)?.length ?? 0) >= 3)
        .map((t) => ({ ...t, placeIds: [...placesByTheme.get(t.id)!].sort() })),
    };
  }

  private count(p: ProjectRecord, sign: 1 | -1): void {
    const euros = sign * (p.budgetEur ?? 0);
    const themes = new Set(p.themes);
    const seen = new Set<string>();
    for (const place of this.by === 'city' ? [...p.cities, ...p.partnerCities] : p.regions) {
      if (seen.has(place.id)) continue;
      seen.add(place.id);
      const row = this.places.get(place.id);
      if (row) {
        row.projects += sign;
        row.euros += euros;
        if (sign > 0) row.name = place.name;
        if (row.projects === 0) this.places.delete(place.id);
      } else if (sign > 0) {
        this.places.set(place.id, { name: place.name, projects: 1, euros });
      }
      const orgs = p.organisations.filter((o) => (this.by === 'city' ? o.cityIds : o.regionIds).includes(place.id)).map((o) => o.id);
      let byTheme = this.cells.get(place.id);
      if (!byTheme) {
        if (sign < 0) continue;
        this.cells.set(place.id, (byTheme = new Map()));
      }
      for (const themeId of themes) this.countCell(byTheme, place.id, themeId, p.id, euros, orgs, sign);
      if (!byTheme.size) this.cells.delete(place.id);
    }
  }

  private countCell(byTheme: Map<string, CellTally>, placeId: string, themeId: string, projectId: string, euros: number, orgs: string[], sign: 1 | -1): void {
    let cell = byTheme.get(themeId);
    if (!cell) {
      if (sign < 0) return;
      byTheme.set(themeId, (cell = { placeId, themeId, projects: new Set(), organisations: new Map(), euros: 0 }));
    }
    if (sign > 0) cell.projects.add(projectId);
    else cell.projects.delete(projectId);
    cell.euros += euros;
    for (const o of orgs) {
      const n = (cell.organisations.get(o) ?? 0) + sign;
      if (n > 0) cell.organisations.set(o, n);
      else cell.organisations.delete(o);
    }
    if (!cell.projects.size) byTheme.delete(themeId);
  }
}
