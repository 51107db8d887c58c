/**
 * What the import dialog needs besides its markup: the file's format (extension, then content type),
 * a CSV file's header row read in the browser (only the first 64 KB), the column mapping remembered
 * per workspace in localStorage, and the upload / status calls of POST and GET …/imports.
 */
import type { ImportEntityType, ImportFormat, ImportMapping, ImportStatus } from '../../../domain/imports';
import { API_BASE, ApiError, request } from '../api';

/** The format to announce, or 'xml' (the server tells GraphML from GEXF), or null (not importable). */
export function formatOfFile(file: File): ImportFormat | 'xml' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
    case 'txt':
      return 'csv';
    case 'xlsx':
      return 'xlsx';
    case 'json':
      return 'json';
    case 'graphml':
      return 'graphml';
    case 'gexf':
      return 'gexf';
    case 'xml':
      return 'xml';
  }
  const type = file.type.toLowerCase();
  if (type.includes('csv')) return 'csv';
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.includes('json')) return 'json';
  if (type.includes('graphml')) return 'graphml';
  if (type.includes('gexf')) return 'gexf';
  if (type.includes('xml')) return 'xml';
  return null;
}

const CONTENT_TYPES: Record<ImportFormat | 'xml', string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  xml: 'application/xml',
};

export const isTabular = (format: ImportFormat | 'xml' | null): format is 'csv' | 'xlsx' => format === 'csv' || format === 'xlsx';

/** Splits one CSV line (the header) with quotes ("a;b" and "" inside quotes) on the delimiter. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** The header row of a CSV file: the first line (a quoted header may hold line breaks), delimiter , ; or tab as the server sniffs it. */
export async function readCsvHeaders(file: File): Promise<string[]> {
  const text = (await file.slice(0, 64 * 1024).text()).replace(/^\uFEFF/, '');
  let end = 0;
  let quoted = false;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  const line = text.slice(0, end);
  const counts = [';', ',', '\t'].map((d) => [d, line.split(d).length] as const);
  const delimiter = counts.reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
  return splitCsvLine(line, delimiter).filter((h, i, all) => h !== '' || i < all.length - 1);
}

export interface RememberedImport {
  entityType: ImportEntityType;
  /** Header -> field ('-' leaves a column out), merged over every file imported here. */
  mapping: ImportMapping;
}

const memoryKey = (workspaceId: string) => `verkosto.import.${workspaceId}`;

export function loadRemembered(workspaceId: string): RememberedImport | null {
  try {
    const text = window.localStorage.getItem(memoryKey(workspaceId));
    const value = text ? (JSON.parse(text) as Partial<RememberedImport>) : null;
    return value && typeof value.entityType === 'string' && value.mapping && typeof value.mapping === 'object'
      ? (value as RememberedImport)
      : null;
  } catch {
    return null;
  }
}

export function remember(workspaceId: string, entityType: ImportEntityType, mapping: ImportMapping): void {
  const before = loadRemembered(workspaceId);
  // Columns of earlier files stay remembered (a workspace's files often share a few columns).
  const merged = { ...(before?.mapping ?? {}), ...mapping };
  const keys = Object.keys(merged);
  for (const key of keys.slice(0, Math.max(0, keys.length - 200))) delete merged[key];
  try {
    window.localStorage.setItem(memoryKey(workspaceId), JSON.stringify({ entityType, mapping: merged }));
  } catch {
    /* storage may be blocked or full: the mapping is then only guessed next time */
  }
}

export interface UploadOptions {
  format: ImportFormat | 'xml';
  dryRun: boolean;
  skipBad: boolean;
  entityType?: ImportEntityType;
  mapping?: ImportMapping;
}

const importsPath = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}/imports`;

/** POSTs the file as the body (the API streams it to disk) → the queued status with its importId. */
export async function uploadImport(workspaceId: string, file: File, opts: UploadOptions): Promise<ImportStatus> {
  const params = new URLSearchParams({ dryRun: String(opts.dryRun), skipBad: String(opts.skipBad) });
  if (opts.format !== 'xml') params.set('format', opts.format);
  if (opts.entityType) params.set('entityType', opts.entityType);
  if (opts.mapping) params.set('mapping', JSON.stringify(opts.mapping));
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': CONTENT_TYPES[opts.format] };
  try {
    const who = window.localStorage.getItem('verkosto.actor');
    if (who) headers['X-Actor'] = encodeURIComponent(who);
  } catch {
    /* no actor */
  }
  let res: Response;
  try {
    res = await fetch(`${importsPath(workspaceId)}?${params}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', (err as Error)?.message ?? 'network error');
  }
  const payload = (await res.json().catch(() => null)) as (ImportStatus & { error?: { code?: string; message?: string } }) | null;
  if (!res.ok) {
    const error = payload?.error && typeof payload.error === 'object' ? payload.error : null;
    throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? res.statusText);
  }
  return payload as ImportStatus;
}

export const importStatus = (workspaceId: string, importId: string) =>
  request<ImportStatus>('GET', `${importsPath(workspaceId)}/${encodeURIComponent(importId)}`);
