/**
 * The import dialog, opened from the header's "Tuo / Import" button: choose a file (CSV, XLSX, JSON
 * graph, GraphML, GEXF); for tables say what the rows are and map the columns to fields (guessed from
 * fi/en/sv headers with domain/import-headers, remembered per workspace); "Check" runs a dry run and
 * lists every bad row with its row number, column and reason, storing nothing; "Import" runs the
 * background job with a live progress bar from the socket's import:progress / import:finished events
 * (polling GET …/imports/:id while the socket is down) and ends with what was created, updated, left
 * unchanged and matched to existing nodes. The new nodes reach the map as ordinary live changes.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../domain/events';
import { fieldsOf, guessMapping } from '../../../domain/import-headers';
import {
  FINAL_IMPORT_STATES,
  IMPORT_ENTITY_TYPES,
  progressFraction,
  type ImportEntityType,
  type ImportFormat,
  type ImportMapping,
  type ImportProgressEvent,
  type ImportStatus,
} from '../../../domain/imports';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { onLanguageChange } from '../i18n';
import { formatOfFile, importStatus, isTabular, loadRemembered, readCsvHeaders, remember, uploadImport } from './import-file';
import { it, shared } from './import-i18n';
import './import-dialog.css';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Issues shown in the table (the API keeps up to 1,000; the total count is always shown). */
const SHOWN_ISSUES = 200;
const POLL_SOCKET_DOWN_MS = 1000;
/** While the socket is up a slow poll still catches an event lost in a reconnect. */
const POLL_SOCKET_UP_MS = 4000;

interface Run {
  importId: string | null;
  dryRun: boolean;
  status: ImportStatus | null;
  finished: boolean;
}

export class ImportDialog {
  private readonly dialog = h('dialog', {
    class: 'import-dialog',
    'data-testid': 'import-dialog',
    'aria-labelledby': 'import-dialog-title',
  });
  private readonly button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-button', onclick: () => this.open() });
  private readonly fileInput = h('input', {
    type: 'file',
    accept: '.csv,.txt,.xlsx,.json,.graphml,.gexf,.xml,text/csv,application/json',
    'data-testid': 'import-file',
    onchange: () => void this.chooseFile(),
  });
  private readonly progress = h('progress', {
    max: 100,
    value: 0,
    'data-testid': 'import-progress',
    'data-value': '0',
    'data-events': '0',
  });
  private readonly progressText = h('span', { class: 'import-progress-text', 'data-testid': 'import-state' });
  private readonly setup = h('div', { class: 'import-setup' });
  private readonly report = h('div', { class: 'import-report', 'data-testid': 'import-report' });

  private file: File | null = null;
  private format: ImportFormat | 'xml' | null = null;
  private headers: string[] | null = null;
  private entityType: ImportEntityType;
  private mapping: ImportMapping = {};
  private skipBad = false;
  private run: Run | null = null;
  private message = '';
  private pollTimer: number | undefined;
  /** Events that came before the POST answered with the import's id, in order. */
  private early = new Map<string, { event: ImportProgressEvent; final: boolean }[]>();

  constructor(
    private readonly workspaceId: string,
    private readonly socket: LiveSocket,
  ) {
    this.entityType = loadRemembered(workspaceId)?.entityType ?? 'Organisation';
    socket.on('import:progress', (e) => this.onEvent(e, false));
    socket.on('import:finished', (e) => this.onEvent(e, true));
    this.dialog.addEventListener('close', () => this.stopPolling());
    document.body.append(this.dialog);
    onLanguageChange(() => this.render());
    this.render();
  }

  /** Puts the opening button before `anchor` in the header. */
  mountBefore(anchor: Element): void {
    anchor.before(this.button);
  }

  open(): void {
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    // A mapping remembered since the dialog was last open (another file of this workspace).
    if (this.headers && !this.busy) this.applyMapping();
  }

  private get busy(): boolean {
    return !!this.run && !this.run.finished;
  }

  // -----------------------------------------------------------------------------------------------
  // File, entity type, mapping
  // -----------------------------------------------------------------------------------------------

  private async chooseFile(): Promise<void> {
    this.file = this.fileInput.files?.[0] ?? null;
    this.format = this.file ? formatOfFile(this.file) : null;
    this.headers = null;
    this.run = null;
    this.message = '';
    this.resetProgress();
    if (this.file && this.format === 'csv') {
      try {
        this.headers = await readCsvHeaders(this.file);
      } catch (err) {
        this.message = it('error', { message: errorMessage(err) });
      }
    }
    this.applyMapping();
  }

  /** The mapping for the known headers: remembered choices first, guesses from fi/en/sv names for the rest. */
  private applyMapping(): void {
    const headers = this.headers ?? [];
    const allowed = new Set(fieldsOf(this.entityType));
    const remembered = loadRemembered(this.workspaceId)?.mapping ?? {};
    const guessed = guessMapping(headers, this.entityType);
    const mapping: ImportMapping = {};
    for (const header of headers) {
      const kept = remembered[header];
      mapping[header] = kept !== undefined && (kept === '-' || allowed.has(kept)) ? kept : (guessed[header] ?? '-');
    }
    this.mapping = mapping;
    this.render();
  }

  private setEntityType(entityType: ImportEntityType): void {
    this.entityType = entityType;
    this.applyMapping();
  }

  // -----------------------------------------------------------------------------------------------
  // Running
  // -----------------------------------------------------------------------------------------------

  private async start(dryRun: boolean): Promise<void> {
    if (!this.file || !this.format || this.busy) return;
    const tabular = isTabular(this.format);
    if (tabular && this.headers) remember(this.workspaceId, this.entityType, this.mapping);
    this.run = { importId: null, dryRun, status: null, finished: false };
    this.early.clear();
    this.message = '';
    this.resetProgress();
    this.progressText.textContent = it('uploading');
    this.render();
    try {
      const queued = await uploadImport(this.workspaceId, this.file, {
        format: this.format,
        dryRun,
        skipBad: this.skipBad,
        entityType: tabular ? this.entityType : undefined,
        mapping: tabular && this.headers ? this.mapping : undefined,
      });
      this.run.importId = queued.importId;
      this.showStatus(queued);
      const early = this.early.get(queued.importId) ?? [];
      this.early.clear();
      for (const { event, final } of early) this.onEvent(event, final);
      this.schedulePoll();
    } catch (err) {
      this.run.finished = true;
      this.message = it('error', { message: errorMessage(err) });
      this.progressText.textContent = '';
      this.render();
    }
  }

  private onEvent(event: ImportProgressEvent, final: boolean): void {
    if (event.workspaceId !== this.workspaceId || !this.run || this.run.finished) return;
    if (this.run.importId === null) {
      const list = this.early.get(event.importId) ?? [];
      if (list.length < 100) list.push({ event, final });
      this.early.set(event.importId, list);
      return;
    }
    if (event.importId !== this.run.importId) return;
    this.progress.dataset.events = String(Number(this.progress.dataset.events ?? 0) + 1);
    this.setProgress(event.fraction, event.state);
    if (final) void this.refresh();
  }

  /** Reads the whole status (the events carry no bad rows): after the end, and as the fallback poll. */
  private async refresh(): Promise<void> {
    const run = this.run;
    if (!run?.importId || run.finished) return;
    try {
      this.showStatus(await importStatus(this.workspaceId, run.importId));
    } catch {
      /* a poll that fails is retried by the next one */
    }
  }

  private showStatus(status: ImportStatus): void {
    const run = this.run;
    if (!run || run.finished || status.importId !== run.importId) return;
    run.status = status;
    this.setProgress(progressFraction(status.state, status.dryRun, status.progress), status.state);
    if (!FINAL_IMPORT_STATES.includes(status.state)) return;
    run.finished = true;
    this.stopPolling();
    if (this.format === 'xlsx' && status.columns?.length && !this.headers) {
      // The server read the sheet headers: offer the mapping for them now.
      this.headers = [...new Set(status.columns.flatMap((c) => c.headers))].filter((h) => h !== '');
      this.applyMapping();
      return;
    }
    this.render();
  }

  private schedulePoll(): void {
    this.stopPolling();
    if (!this.run || this.run.finished) return;
    this.pollTimer = window.setTimeout(
      async () => {
        this.dialog.classList.toggle('import-polling', !this.socket.connected);
        await this.refresh();
        this.schedulePoll();
      },
      this.socket.connected ? POLL_SOCKET_UP_MS : POLL_SOCKET_DOWN_MS,
    );
  }

  private stopPolling(): void {
    window.clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private resetProgress(): void {
    this.progress.value = 0;
    this.progress.dataset.value = '0';
    this.progress.dataset.events = '0';
    this.progress.dataset.state = '';
    this.progressText.textContent = '';
  }

  private setProgress(fraction: number, state: ImportStatus['state']): void {
    const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    // Events and polls may cross: the bar never goes back within a run.
    const value = Math.max(percent, Number(this.progress.dataset.value ?? 0));
    this.progress.value = value;
    this.progress.dataset.value = String(value);
    this.progress.dataset.state = state;
    this.progressText.textContent = `${it(`state.${state}`)} · ${value} %`;
  }

  // -----------------------------------------------------------------------------------------------
  // Rendering
  // -----------------------------------------------------------------------------------------------

  private render(): void {
    this.button.textContent = it('button');
    this.button.title = it('buttonHint');
    this.renderSetup();
    this.renderReport();
    const canRun = !!this.file && !!this.format && !this.busy;
    replaceChildren(
      this.dialog,
      h(
        'header',
        { class: 'import-head' },
        h('h2', { id: 'import-dialog-title' }, it('title')),
        h(
          'button',
          { type: 'button', class: 'icon', title: it('close'), 'data-testid': 'import-close', onclick: () => this.dialog.close() },
          '✕',
        ),
      ),
      h(
        'div',
        { class: 'import-body' },
        h('label', { class: 'import-file' }, h('span', {}, it('file')), this.fileInput, h('small', {}, it('fileHint'))),
        this.file
          ? h(
              'p',
              { class: 'import-format', 'data-testid': 'import-format', 'data-format': this.format ?? '' },
              this.format ? it('format', { format: this.format.toUpperCase() }) : it('unknownFormat'),
            )
          : null,
        this.setup,
        h(
          'label',
          { class: 'import-skip' },
          h('input', {
            type: 'checkbox',
            checked: this.skipBad,
            'data-testid': 'import-skip-bad',
            onchange: (e) => (this.skipBad = (e.target as HTMLInputElement).checked),
          }),
          ' ',
          it('skipBad'),
        ),
        h(
          'div',
          { class: 'import-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              disabled: !canRun,
              'data-testid': 'import-dry-run',
              onclick: () => void this.start(true),
            },
            it('dryRun'),
          ),
          h(
            'button',
            { type: 'button', class: 'primary', disabled: !canRun, 'data-testid': 'import-run', onclick: () => void this.start(false) },
            it('run'),
          ),
        ),
        h('div', { class: 'import-progress', hidden: !this.run }, this.progress, this.progressText),
        h('p', { class: 'import-polling-note' }, it('polling')),
        this.report,
      ),
    );
  }

  private renderSetup(): void {
    if (!this.file || !this.format) return replaceChildren(this.setup);
    if (!isTabular(this.format)) return replaceChildren(this.setup, h('p', { class: 'import-hint' }, it('graphFile')));
    const typeSelect = h(
      'select',
      {
        'data-testid': 'import-entity-type',
        disabled: this.busy,
        onchange: (e) => this.setEntityType((e.target as HTMLSelectElement).value as ImportEntityType),
      },
      ...IMPORT_ENTITY_TYPES.map((type) =>
        h(
          'option',
          { value: type, selected: type === this.entityType },
          type === 'Relationship' ? it('relationships') : shared(`type.${type}`),
        ),
      ),
    );
    const fields = fieldsOf(this.entityType);
    const rows = (this.headers ?? []).map((header) =>
      h(
        'tr',
        { 'data-testid': 'import-mapping-row', 'data-column': header },
        h('th', { scope: 'row' }, header),
        h(
          'td',
          {},
          h(
            'select',
            {
              'data-testid': 'import-mapping-field',
              'data-column': header,
              'aria-label': `${it('field')}: ${header}`,
              disabled: this.busy,
              onchange: (e) => (this.mapping[header] = (e.target as HTMLSelectElement).value),
            },
            h('option', { value: '-', selected: (this.mapping[header] ?? '-') === '-' }, it('notImported')),
            ...fields.map((f) => h('option', { value: f, selected: this.mapping[header] === f }, `${shared(`field.${f}`)} (${f})`)),
          ),
        ),
      ),
    );
    replaceChildren(
      this.setup,
      h('label', { class: 'import-type' }, h('span', {}, it('entityType')), typeSelect),
      this.headers
        ? h(
            'table',
            { class: 'import-mapping', 'data-testid': 'import-mapping' },
            h('caption', {}, it('mapping')),
            h('thead', {}, h('tr', {}, h('th', {}, it('column')), h('th', {}, it('field')))),
            h('tbody', {}, ...rows),
          )
        : h('p', { class: 'import-hint' }, it('xlsxColumns')),
      this.headers ? h('p', { class: 'import-hint' }, it('remembered')) : null,
    );
  }

  private renderReport(): void {
    const status = this.run?.finished ? this.run.status : null;
    if (this.message) return replaceChildren(this.report, h('p', { class: 'import-error', 'data-testid': 'import-error' }, this.message));
    if (!status) return replaceChildren(this.report);
    const p = status.progress;
    const headline = status.error
      ? it('error', { message: status.error.message })
      : status.dryRun
        ? p.rowsBad || status.issueCount
          ? it('dryBad', { bad: p.rowsBad || status.issueCount, rows: p.rowsRead })
          : it('dryDone', { rows: p.rowsRead })
        : status.state === 'rejected'
          ? it('rejected', { bad: p.rowsBad || status.issueCount })
          : it('imported');
    const figure = (key: 'rowsRead' | 'rowsBad' | 'created' | 'updated' | 'unchanged' | 'matched' | 'failed', label = it(key)) =>
      h('div', { 'data-field': key }, h('dt', {}, label), h('dd', {}, String(p[key])));
    const figures = [
      figure('rowsRead'),
      figure('rowsBad'),
      figure('created', status.dryRun ? it('wouldCreate') : it('created')),
      figure('updated', status.dryRun ? it('wouldUpdate') : it('updated')),
      figure('unchanged'),
      figure('matched'),
      status.dryRun ? null : figure('failed'),
    ];
    replaceChildren(
      this.report,
      h(
        'p',
        {
          class: status.error || status.issueCount ? 'import-error' : 'import-ok',
          'data-testid': 'import-headline',
          'data-state': status.state,
        },
        headline,
      ),
      h('dl', { class: 'import-summary', 'data-testid': 'import-summary' }, ...figures),
      status.issueCount ? this.issuesTable(status) : null,
      status.matches.length ? this.matchList(status) : null,
      status.notes.length
        ? h('details', { class: 'import-notes' }, h('summary', {}, it('notes')), h('ul', {}, ...status.notes.map((n) => h('li', {}, n))))
        : null,
    );
  }

  private issuesTable(status: ImportStatus): HTMLElement {
    const shown = status.issues.slice(0, SHOWN_ISSUES);
    const withSheets = shown.some((i) => i.sheet);
    return h(
      'section',
      { class: 'import-issues' },
      h(
        'h3',
        {},
        it('issues'),
        ' ',
        h(
          'small',
          { 'data-testid': 'import-issue-count', 'data-total': status.issueCount },
          shown.length < status.issueCount
            ? it('issuesCapped', { shown: shown.length, total: status.issueCount })
            : it('issueCount', { total: status.issueCount }),
        ),
      ),
      h(
        'div',
        { class: 'import-issues-scroll' },
        h(
          'table',
          { 'data-testid': 'import-issues' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, it('row')),
              withSheets ? h('th', {}, it('sheet')) : null,
              h('th', {}, it('column')),
              h('th', {}, it('reason')),
            ),
          ),
          h(
            'tbody',
            {},
            ...shown.map((issue) =>
              h(
                'tr',
                { 'data-testid': 'import-issue', 'data-row': issue.row, 'data-column': issue.column ?? '' },
                h('td', {}, String(issue.row)),
                withSheets ? h('td', {}, issue.sheet ?? '') : null,
                h('td', {}, issue.column ?? ''),
                h('td', {}, issue.reason),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private matchList(status: ImportStatus): HTMLElement {
    return h(
      'details',
      { class: 'import-matches', 'data-testid': 'import-matches' },
      h('summary', {}, `${it('matches')}: ${status.matchCount}`),
      h(
        'ul',
        {},
        ...status.matches
          .slice(0, 50)
          .map((m) => h('li', {}, `${it('row')} ${m.row}: ${m.name} → ${m.matchedName} (${Math.round(m.score * 100)} %)`)),
      ),
    );
  }
}
