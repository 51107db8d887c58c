/**
 * Imports of whole files (CSV, XLSX, our JSON graph, GraphML, GEXF): the job's payload, its status and
 * report as the API answers it, and the progress events. Shared by the API, the worker and the client.
 */
import { z } from 'zod';
import type { NodeType } from './entities';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json', 'graphml', 'gexf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a tabular file's rows are: one node type, or relationships (id, type, source, target, ...). */
export const IMPORT_ENTITY_TYPES = [
  'Organisation',
  'City',
  'Region',
  'Country',
  'Project',
  'WorkPackage',
  'Person',
  'Theme',
  'Programme',
  'Cluster',
  'SideStream',
  'Relationship',
] as const satisfies readonly (Exclude<NodeType, 'Workspace'> | 'Relationship')[];
export type ImportEntityType = (typeof IMPORT_ENTITY_TYPES)[number];
export const ImportEntityTypeSchema = z.enum(IMPORT_ENTITY_TYPES);

/** Column header -> field name ("" or "-" leaves a column out). */
export const ImportMappingSchema = z.record(z.string().max(300), z.string().max(100)).refine((m) => Object.keys(m).length <= 200, 'at most 200 columns');
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** The job the API puts on the imports queue for an uploaded file. */
export interface ImportJobData {
  importId: string;
  workspaceId: string;
  actor: string;
  /** The uploaded file (under IMPORT_DIR); the job deletes it when it ends. */
  filePath: string;
  format: ImportFormat;
  bytes: number;
  dryRun: boolean;
  /** Apply the good rows even when some are bad (default: any bad row stops the import, nothing stored). */
  skipBad: boolean;
  /** Tabular files: what the rows are (without it, a `type` column or the sheet names say). */
  entityType?: ImportEntityType;
  mapping?: ImportMapping;
}

export type ImportState = 'queued' | 'validating' | 'applying' | 'done' | 'rejected' | 'failed';
export const FINAL_IMPORT_STATES: readonly ImportState[] = ['done', 'rejected', 'failed'];

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rowsValid: number;
  rowsBad: number;
  /** Rows whose change the worker applied (or that needed none). */
  rowsApplied: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows mapped to an existing node by the duplicate matcher. */
  matched: number;
  /** Changes the worker finally rejected. */
  failed: number;
}

/** One bad row: its row number (spreadsheet numbering: header = 1), the column and the reason. */
export interface ImportIssue {
  row: number;
  /** The sheet (XLSX), or the part of a graph file ("nodes", "relationships", "node", "edge"). */
  sheet?: string;
  column?: string;
  reason: string;
}

export interface ImportColumns {
  sheet?: string;
  headers: string[];
}

/** A row the duplicate matcher mapped to a node that already exists. */
export interface ImportMatch {
  row: number;
  sheet?: string;
  name: string;
  matchedId: string;
  matchedName: string;
  score: number;
}

export interface ImportStatus {
  importId: string;
  workspaceId: string;
  format: ImportFormat;
  entityType: ImportEntityType | null;
  dryRun: boolean;
  state: ImportState;
  progress: ImportProgress;
  /** At most MAX_REPORTED of them; issueCount is the total. */
  issues: ImportIssue[];
  issueCount: number;
  matches: ImportMatch[];
  matchCount: number;
  /** What the import did that the user should know (ids mapped, columns ignored, encoding). */
  notes: string[];
  /** Why a failed import stopped (unreadable file, wrong encoding, missing columns). */
  error: { code: string; message: string } | null;
  /** Tabular files: the header row of each sheet read (at most 20 sheets, 200 columns each), so a
   *  client can offer its column mapping for an XLSX file after a dry run. */
  columns?: ImportColumns[];
  createdAt: string;
  finishedAt: string | null;
}

export const MAX_REPORTED = 1000;

export const emptyProgress = (bytesTotal = 0): ImportProgress => ({
  bytesRead: 0,
  bytesTotal,
  rowsRead: 0,
  rowsValid: 0,
  rowsBad: 0,
  rowsApplied: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  matched: 0,
  failed: 0,
});

/** Socket payloads (to the workspace's room), at most a few a second while an import runs. */
export interface ImportProgressEvent {
  importId: string;
  workspaceId: string;
  dryRun: boolean;
  state: ImportState;
  progress: ImportProgress;
  /** 0..1 for a progress bar: reading counts half (all of a dry run), applying the other half. */
  fraction: number;
}
export interface ImportFinishedEvent extends ImportProgressEvent {
  issueCount: number;
  matchCount: number;
  error: ImportStatus['error'];
}

export function progressFraction(state: ImportState, dryRun: boolean, p: ImportProgress): number {
  if (FINAL_IMPORT_STATES.includes(state)) return 1;
  const read = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  if (dryRun) return read;
  if (state !== 'applying') return read / 2;
  return 0.5 + (p.rowsValid > 0 ? Math.min(1, p.rowsApplied / p.rowsValid) / 2 : 0.5);
}

/** The node type of an entity-type name, or null for relationships. */
export const nodeTypeOf = (t: ImportEntityType): NodeType | null => (t === 'Relationship' ? null : t);
