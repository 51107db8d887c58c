/**
 * The duplicate-work reads of the REST API (api/routes/overlaps.ts): one project's overlaps, the
 * workspace's overlapping pairs (JSON, and the CSV link), and the place × theme specialisation matrix.
 * The shapes mirror api/services/project-overlaps.ts, which the client cannot import.
 */
import { API_BASE, request } from '../api';

export interface Named {
  id: string;
  name: string;
}

export type CrossBoundary = 'city' | 'region' | 'none';

export interface OverlapParts {
  themes: number;
  text: number;
  period: number;
  actors: number;
  sharedThemes: string[];
  sharedWords: string[];
  [more: string]: unknown;
}

export interface Explanation {
  fi: string;
  en: string;
}

export interface ProjectSummary {
  id: string;
  name: string;
  nameEn?: string;
  cities: Named[];
  regions: Named[];
}

export interface ProjectOverlap extends ProjectSummary {
  score: number;
  parts: OverlapParts;
  explanation: Explanation;
}

export interface ProjectOverlaps {
  workspaceId: string;
  projectId: string;
  seq: number;
  crossBoundary: CrossBoundary;
  items: ProjectOverlap[];
}

export interface OverlapPair {
  a: ProjectSummary;
  b: ProjectSummary;
  score: number;
  parts: OverlapParts;
  explanation: Explanation;
}

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

export interface OverlapPairs {
  workspaceId: string;
  seq: number;
  total: number;
  items: OverlapPair[];
}

export interface SpecialisationCell {
  placeId: string;
  themeId: string;
  projects: number;
  organisations: number;
  euros: number;
  projectIds: string[];
}

export type PlaceKind = 'city' | 'region';
export type Measure = 'projects' | 'organisations' | 'euros';
export const MEASURES: readonly Measure[] = ['projects', 'organisations', 'euros'];

export interface Specialisation {
  workspaceId: string;
  seq: number;
  by: PlaceKind;
  places: (Named & { projects: number; euros: number })[];
  themes: { id: string; name: string; nameEn?: string }[];
  cells: SpecialisationCell[];
  gaps: { id: string; name: string; nameEn?: string }[];
  crowded: { id: string; name: string; nameEn?: string; placeIds: string[] }[];
}

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
};

/** The CSV download of the same pairs (UTF-8 with BOM for Excel, made by the API). */
export function pairsCsvUrl(workspaceId: string, filters: PairFilters): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [k, v] of Object.entries(pairQuery(filters))) if (v !== undefined && v !== '') params.set(k, String(v));
  return `${ws(workspaceId)}/overlaps?${params.toString()}`;
}
