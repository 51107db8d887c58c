/**
 * The duplicate-work reads of the REST API (api/routes/overlaps.ts): one project's overlaps, the
 * workspace's overlapping pairs (JSON, and the CSV link), the place × theme specialisation matrix and
 * the projects behind one of its cells.
 * The shapes are the API's own (domain/overlap/responses.ts).
 */
import type { CrossBoundary } from '../../../domain/overlap/score';
import type { OverlapPairs, ProjectOverlaps, Specialisation, SpecialisationCellProjects } from '../../../domain/overlap/responses';
import { API_BASE, request } from '../api';

export type { CrossBoundary };
export type {
  OverlapPair,
  OverlapPairs,
  ProjectOverlap,
  ProjectOverlaps,
  ProjectSummary,
  Specialisation,
  SpecialisationCell,
  SpecialisationCellProjects,
} from '../../../domain/overlap/responses';

export interface PairFilters {
  city?: string;
  region?: string;
  theme?: string;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  minScore?: number;
  limit?: number;
}

export type PlaceKind = 'city' | 'region';
export type Measure = 'projects' | 'organisations' | 'euros';
export const MEASURES: readonly Measure[] = ['projects', 'organisations', 'euros'];

const ws = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}`;

function pairQuery(f: PairFilters): Record<string, string | number | undefined> {
  return { city: f.city, region: f.region, theme: f.theme, from: f.from, to: f.to, minScore: f.minScore, limit: f.limit };
}

export const overlapsApi = {
  forProject: (workspaceId: string, projectId: string, crossBoundary: CrossBoundary, signal?: AbortSignal) =>
    request<ProjectOverlaps>('GET', `${ws(workspaceId)}/projects/${encodeURIComponent(projectId)}/overlaps`, {
      query: { k: 10, crossBoundary },
      signal,
    }),
  pairs: (workspaceId: string, filters: PairFilters, signal?: AbortSignal) =>
    request<OverlapPairs>('GET', `${ws(workspaceId)}/overlaps`, { query: pairQuery(filters), signal }),
  specialisation: (workspaceId: string, by: PlaceKind, signal?: AbortSignal) =>
    request<Specialisation>('GET', `${ws(workspaceId)}/specialisation`, { query: { by }, signal }),
  /** The projects behind one cell of the matrix, by name, `limit` from `offset`. */
  cellProjects: (workspaceId: string, cell: { by: PlaceKind; placeId: string; themeId: string }, page: { offset: number; limit: number }, signal?: AbortSignal) =>
    request<SpecialisationCellProjects>('GET', `${ws(workspaceId)}/specialisation/projects`, {
      query: { by: cell.by, place: cell.placeId, theme: cell.themeId, offset: page.offset, limit: page.limit },
      signal,
    }),
};

/** The CSV download of the same pairs (UTF-8 with BOM for Excel, made by the API). */
export function pairsCsvUrl(workspaceId: string, filters: PairFilters): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [k, v] of Object.entries(pairQuery(filters))) if (v !== undefined && v !== '') params.set(k, String(v));
  return `${ws(workspaceId)}/overlaps?${params.toString()}`;
}
