/**
 * Type-ahead search over GET /api/v1/search, with keyboard navigation. When the API cannot answer,
 * it falls back to matching names and aliases of the nodes on the canvas.
 */
import type { Core } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import { api, type SearchHit } from '../api';
import { debounce, h, replaceChildren, svg } from '../dom';
import { t, typeLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';

const MIN_CHARS = 2;
const LIMIT = 10;

/** Lower-case without accents, so "jyvaskyla" finds "Jyväskylä". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function localSearch(cy: Core, query: string, limit = LIMIT): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: SearchHit[] = [];
  cy.nodes().forEach((n) => {
    const names = [n.data('name'), n.data('label'), ...((n.data('aliases') as unknown[]) ?? [])].filter(
      (v): v is string => typeof v === 'string',
    );
    const best = Math.max(...names.map((name) => (fold(name).startsWith(q) ? 2 : fold(name).includes(q) ? 1 : 0)));
    if (best > 0) hits.push({ id: n.id(), type: n.data('type') as NodeType, name: String(n.data('name')), score: best });
  });
  return hits.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.name.localeCompare(b.name)).slice(0, limit);
}

export class SearchBox {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly note: HTMLElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private inflight: AbortController | null = null;

  constructor(
    root: HTMLElement,
    private readonly workspaceId: string,
    private readonly cy: Core,
    private readonly onPick: (hit: SearchHit) => void,
  ) {
    this.input = h('input', {
      type: 'search',
      id: 'search-input',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      'data-testid': 'search-input',
      'data-i18n-placeholder': 'search.placeholder',
      'data-i18n-title': 'search.label',
    });
    this.list = h('ul', { id: 'search-results', class: 'search-results', role: 'listbox', hidden: true, 'data-testid': 'search-results' });
    this.note = h('div', { class: 'search-note', hidden: true });
    replaceChildren(root, this.input, this.list, this.note);

    const lookup = debounce(() => void this.lookup(), 180);
    this.input.addEventListener('input', lookup);
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('focus', () => {
      if (this.hits.length) this.open();
    });
    // Close when focus leaves the search (clicks on results are handled on pointerdown first).
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  clear(): void {
    this.input.value = '';
    this.hits = [];
    this.close();
  }

  private async lookup(): Promise<void> {
    const query = this.input.value.trim();
    this.inflight?.abort();
    if (query.length < MIN_CHARS) {
      this.show([], null);
      return;
    }
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const { items } = await api.search(query, this.workspaceId, { limit: LIMIT, signal: controller.signal });
      if (controller.signal.aborted) return;
      this.show(items, null);
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      this.show(localSearch(this.cy, query), t('search.failed'));
    }
  }

  private show(hits: SearchHit[], note: string | null): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.note.hidden = !note;
    this.note.textContent = note ?? '';
    const query = this.input.value.trim();
    if (query.length >= MIN_CHARS && hits.length === 0) {
      replaceChildren(this.list, h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, t('search.noResults')));
      this.open();
      return;
    }
    replaceChildren(
      this.list,
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            id: `search-hit-${i}`,
            role: 'option',
            class: this.cy.getElementById(hit.id).empty() ? 'absent' : '',
            'data-testid': 'search-result',
            'data-id': hit.id,
            'aria-selected': String(i === this.active),
            onpointerdown: (e) => {
              e.preventDefault();
              this.pick(i);
            },
          },
          svg(swatchSvg(hit.type, 14)),
          h('span', { class: 'hit-name' }, hit.name),
          h('span', { class: 'hit-type' }, typeLabel(hit.type)),
        ),
      ),
    );
    if (hits.length) this.open();
    else this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.list.querySelectorAll('[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
      this.input.setAttribute('aria-activedescendant', `search-hit-${this.active}`);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0) this.pick(this.active);
      else void this.lookup();
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.input.value = hit.name;
    this.close();
    this.input.blur();
    this.onPick(hit);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
