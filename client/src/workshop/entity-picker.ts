/**
 * Type-ahead over existing entities (GET /api/v1/search, merged with what the local map already holds,
 * so it also works offline and before the search index catches up). The participant picks an existing
 * entry, or adds a new one; when the new name is close to an existing one they are asked
 * "Did you mean …?" first, and an exact match (ignoring case, accents and legal forms) is simply used.
 */
import type { Core } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import { api, type SearchHit } from '../api';
import { debounce, h, replaceChildren, svg } from '../dom';
import { typeLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import { localSearch } from '../views/search-box';
import type { Drafts } from './drafts';
import { bestMatch } from './similar-names';
import { wt } from './workshop-i18n';

const MIN_CHARS = 2;
const LIMIT = 8;

export interface PickedEntity {
  id: string;
  name: string;
  type: NodeType;
}

export interface EntityPickerOptions {
  testId: string;
  workspaceId: string;
  /** Types offered from existing entries. */
  types: NodeType[];
  /** Types the participant may add as new (each gets an "Add new …" option); may be empty. */
  createTypes: NodeType[];
  placeholder: string;
  drafts: Drafts;
  draftKey: string;
  /** The local map, for offline suggestions and entries the search index has not seen yet. */
  cy: () => Core | null;
  onPick(entity: PickedEntity): void;
  onCreate(name: string, type: NodeType): void;
}

type Option = { kind: 'hit'; hit: SearchHit } | { kind: 'create'; type: NodeType };

export class EntityPicker {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly question: HTMLElement;
  private options: Option[] = [];
  private hits: SearchHit[] = [];
  private active = -1;
  private inflight: AbortController | null = null;
  private disabled = false;

  constructor(private readonly opts: EntityPickerOptions) {
    this.input = h('input', {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'sentences',
      spellcheck: 'false',
      enterkeyhint: 'done',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      placeholder: opts.placeholder,
      'aria-label': opts.placeholder,
      'data-testid': `${opts.testId}-input`,
    });
    opts.drafts.bind(this.input, opts.draftKey);
    this.list = h('ul', { class: 'picker-results', role: 'listbox', hidden: true, 'data-testid': `${opts.testId}-results` });
    this.question = h('div', { class: 'did-you-mean', hidden: true, 'data-testid': 'did-you-mean', role: 'alert' });
    const add = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': `${opts.testId}-add`, onclick: () => void this.submitTyped(opts.createTypes[0]) },
      wt('picker.add'),
    );
    this.root = h(
      'div',
      { class: 'picker', 'data-testid': opts.testId },
      h('div', { class: 'picker-row' }, this.input, add),
      this.list,
      this.question,
    );

    const lookup = debounce(() => void this.lookup(), 160);
    this.input.addEventListener('input', () => {
      this.question.hidden = true;
      lookup();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('focus', () => {
      if (this.options.length) this.open();
    });
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.root.querySelectorAll('input, button').forEach((el) => ((el as HTMLInputElement).disabled = disabled));
  }

  focus(): void {
    this.input.focus();
  }

  /** Puts text back into the input (a discarded failed entry), keeping it as a draft. */
  setText(text: string): void {
    this.input.value = text;
    this.opts.drafts.set(this.opts.draftKey, text);
  }

  /** Existing entries matching the text: the API's, plus the local map's it does not have yet. */
  private async candidates(query: string, signal?: AbortSignal): Promise<SearchHit[]> {
    const cy = this.opts.cy();
    const local = cy ? localSearch(cy, query, LIMIT).filter((hit) => this.opts.types.includes(hit.type)) : [];
    let remote: SearchHit[] = [];
    try {
      remote = (await api.search(query, this.opts.workspaceId, { types: this.opts.types, limit: LIMIT, signal })).items;
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
    }
    const seen = new Set(remote.map((hit) => hit.id));
    return [...remote, ...local.filter((hit) => !seen.has(hit.id))].slice(0, LIMIT);
  }

  private async lookup(): Promise<void> {
    const query = this.input.value.trim();
    this.inflight?.abort();
    if (query.length < MIN_CHARS) {
      this.show([]);
      return;
    }
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const hits = await this.candidates(query, controller.signal);
      if (!controller.signal.aborted) this.show(hits);
    } catch {
      /* aborted by newer typing */
    }
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    const text = this.input.value.trim();
    this.options = [
      ...hits.map((hit): Option => ({ kind: 'hit', hit })),
      ...(text.length >= MIN_CHARS ? this.opts.createTypes.map((type): Option => ({ kind: 'create', type })) : []),
    ];
    this.active = this.options.length ? 0 : -1;
    replaceChildren(
      this.list,
      ...this.options.map((option, i) =>
        h(
          'li',
          {
            role: 'option',
            class: option.kind === 'create' ? 'create' : '',
            'aria-selected': String(i === this.active),
            'data-testid': option.kind === 'hit' ? 'picker-hit' : 'picker-create',
            'data-id': option.kind === 'hit' ? option.hit.id : undefined,
            'data-type': option.kind === 'hit' ? option.hit.type : option.type,
            onpointerdown: (e) => {
              e.preventDefault();
              this.choose(i);
            },
          },
          ...(option.kind === 'hit'
            ? [
                svg(swatchSvg(option.hit.type, 16)),
                h('span', { class: 'hit-name' }, option.hit.name),
                h('span', { class: 'hit-type' }, typeLabel(option.hit.type)),
              ]
            : [
                h('span', { class: 'plus', 'aria-hidden': 'true' }, '+'),
                h('span', { class: 'hit-name' }, wt('picker.createNew', { type: typeLabel(option.type).toLowerCase(), name: text })),
              ]),
        ),
      ),
    );
    if (this.options.length && document.activeElement === this.input) this.open();
    else this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.options.length) return;
      e.preventDefault();
      this.open();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.options.length) % this.options.length;
      this.list.querySelectorAll('[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!this.list.hidden && this.active >= 0) this.choose(this.active);
      else void this.submitTyped(this.opts.createTypes[0]);
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private choose(index: number): void {
    const option = this.options[index];
    if (!option) return;
    if (option.kind === 'hit') this.pick({ id: option.hit.id, name: option.hit.name, type: option.hit.type });
    else void this.submitTyped(option.type);
  }

  private pick(entity: PickedEntity): void {
    this.reset();
    this.opts.onPick(entity);
  }

  /** The typed text as a new entry of `type` – unless it is (close to) an existing one. */
  private async submitTyped(type: NodeType | undefined): Promise<void> {
    if (this.disabled) return;
    const text = this.input.value.trim().normalize('NFC');
    if (!text) {
      this.input.focus();
      return;
    }
    this.close();
    let candidates = this.hits;
    try {
      candidates = [...(await this.candidates(text)), ...this.hits];
    } catch {
      /* keep what is shown */
    }
    const ofType = type ? candidates.filter((hit) => hit.type === type) : candidates;
    const match = bestMatch(text, ofType.length || !type ? ofType : candidates);
    if (match?.likeness === 'same') {
      this.pick({ id: match.candidate.id, name: match.candidate.name, type: match.candidate.type });
      return;
    }
    if (match) {
      this.ask(match.candidate, text, type);
      return;
    }
    if (!type) {
      this.showNote(wt('picker.pickFromList'));
      return;
    }
    this.reset();
    this.opts.onCreate(text, type);
  }

  /** "Did you mean X?" – yes picks X, no adds the typed name as new. */
  private ask(existing: SearchHit, typed: string, type: NodeType | undefined): void {
    replaceChildren(
      this.question,
      h(
        'p',
        {},
        wt('picker.didYouMean'),
        ' ',
        h('strong', {}, existing.name),
        h('span', { class: 'hit-type' }, ` (${typeLabel(existing.type)})`),
        '?',
      ),
      h(
        'div',
        { class: 'row-buttons' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-testid': 'did-you-mean-yes',
            onclick: () => this.pick({ id: existing.id, name: existing.name, type: existing.type }),
          },
          wt('picker.yesUse', { name: existing.name }),
        ),
        type
          ? h(
              'button',
              {
                type: 'button',
                'data-testid': 'did-you-mean-no',
                onclick: () => {
                  this.reset();
                  this.opts.onCreate(typed, type);
                },
              },
              wt('picker.noAddNew', { name: typed }),
            )
          : null,
      ),
    );
    this.question.hidden = false;
  }

  private showNote(message: string): void {
    replaceChildren(this.question, h('p', {}, message));
    this.question.hidden = false;
  }

  private reset(): void {
    this.inflight?.abort();
    this.input.value = '';
    this.opts.drafts.set(this.opts.draftKey, '');
    this.hits = [];
    this.options = [];
    this.question.hidden = true;
    this.close();
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
