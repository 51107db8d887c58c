/** What the file readers give the import: header lines of tabular parts, and rows of cells. */

export interface HeaderItem {
  kind: 'header';
  /** The sheet (XLSX) or part of a graph file the header belongs to. */
  sheet?: string;
  headers: string[];
}

export interface RowItem {
  kind: 'row';
  /** Spreadsheet numbering (the header is row 1); for graph files the position in the file's list. */
  row: number;
  sheet?: string;
  /** Header (or property name) -> raw value: a string from CSV, typed values from XLSX, JSON, XML. */
  cells: Record<string, unknown>;
  /** Graph files say what each item is. */
  graphKind?: 'node' | 'relationship';
  /** Cells that cannot be read as they are (an XLSX formula, an error value), per column. */
  cellIssues?: { column: string; reason: string }[];
}

export type RawItem = HeaderItem | RowItem;

/** A problem with the whole file: it cannot be read further (wrong encoding, not a table, ...). */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issue?: { row: number; column?: string; sheet?: string },
  ) {
    super(message);
  }
}
