/**
 * The shapes of the duplicate-work reads (api/routes/overlaps.ts): one project's overlaps, the
 * workspace's overlapping pairs and the place × theme specialisation matrix. The API builds them
 * (api/services/project-overlaps.ts) and the client reads them (client/src/overlaps/).
 */
import type { CrossBoundary, OverlapParts } from './score';

export interface Named {
  id: string;
  name: string;
}

export interface OverlapExplanation {
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
  explanation: OverlapExplanation;
}

/** GET …/projects/:id/overlaps */
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
  explanation: OverlapExplanation;
}

/** GET …/overlaps */
export interface OverlapPairs {
  workspaceId: string;
  seq: number;
  total: number;
  items: OverlapPair[];
}

/** One cell of the matrix; its projects come from GET …/specialisation/projects (SpecialisationCellProjects). */
export interface SpecialisationCell {
  placeId: string;
  themeId: string;
  projects: number;
  organisations: number;
  euros: number;
}

/** GET …/specialisation */
export interface Specialisation {
  workspaceId: string;
  seq: number;
  by: 'city' | 'region';
  places: (Named & { projects: number; euros: number })[];
  themes: { id: string; name: string; nameEn?: string }[];
  cells: SpecialisationCell[];
  /** Themes of the workspace no place works on. */
  gaps: { id: string; name: string; nameEn?: string }[];
  /** Themes three or more places work on, with those places. */
  crowded: { id: string; name: string; nameEn?: string; placeIds: string[] }[];
}

/** GET …/specialisation/projects?by=&place=&theme=: the projects behind one cell, by name, paged. */
export interface SpecialisationCellProjects {
  workspaceId: string;
  seq: number;
  by: 'city' | 'region';
  placeId: string;
  themeId: string;
  total: number;
  offset: number;
  limit: number;
  items: (ProjectSummary & { budgetEur?: number })[];
}
