/**
 * The selected project's overlaps with projects in other cities (or regions), as a section of the
 * details panel: each with its score and the API's explanation in the interface language, a button
 * that highlights the pair on the map and one that highlights all of them. The section element is kept
 * across the panel's re-renders, so a live change does not refetch or flicker.
 */
import type { GraphNode } from '../../../domain/graph';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { getLang } from '../i18n';
import type { MapHighlight } from './map-highlight';
import { overlapsApi, type CrossBoundary, type ProjectOverlap, type ProjectOverlaps } from './overlaps-api';
import { explanationIn, ot } from './overlaps-i18n';

const SCOPES: readonly CrossBoundary[] = ['city', 'region', 'none'];

/** "59 %" from a 0..1 score. */
export function percent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

export function localName(p: { name: string; nameEn?: string }): string {
  return getLang() === 'en' && p.nameEn ? p.nameEn : p.name;
}

export function scoreMeter(score: number): HTMLElement {
  const pct = percent(score);
  return h(
    'span',
    { class: 'score-meter', 'data-testid': 'overlap-score', 'data-score': score, title: ot('score.label', { percent: pct }) },
    h('span', { class: 'score-bar', 'aria-hidden': 'true' }, h('span', { class: 'score-fill', style: `width:${pct}%` })),
    h('span', { class: 'score-text' }, ot('score.label', { percent: pct })),
  );
}

export function explanationBlock(explanation: { fi: string; en: string }): HTMLElement {
  const { text, note } = explanationIn(explanation);
  return h(
    'p',
    { class: 'overlap-explanation', 'data-testid': 'overlap-explanation' },
    text,
    note ? h('small', { class: 'muted' }, ` ${note}`) : null,
  );
}

export class ProjectOverlapsPanel {
  private readonly el = h('section', { class: 'overlaps-section', 'data-testid': 'overlaps-panel' });
  private projectId: string | null = null;
  private scope: CrossBoundary = 'city';
  private data: ProjectOverlaps | null = null;
  private error: string | null = null;
  private loading: AbortController | null = null;

  constructor(
    private readonly workspaceId: string,
    private readonly highlight: MapHighlight,
    private readonly focusNode: (id: string) => void,
  ) {}

  /** The section for the details panel of a node (null unless it is a project). */
  sectionFor(node: GraphNode): HTMLElement | null {
    if (node.type !== 'Project') return null;
    if (node.id !== this.projectId) {
      this.projectId = node.id;
      this.data = null;
      this.error = null;
      void this.load();
    } else {
      this.render();
    }
    return this.el;
  }

  /** Refetches when the shown project may have new overlaps (an insight about it or its partners). */
  reloadIfShowing(projectIds: readonly string[]): void {
    if (this.projectId && this.el.isConnected && projectIds.includes(this.projectId)) void this.load();
  }

  private async load(): Promise<void> {
    const id = this.projectId;
    if (!id) return;
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.render();
    try {
      const data = await overlapsApi.forProject(this.workspaceId, id, this.scope, controller.signal);
      if (controller.signal.aborted || this.projectId !== id) return;
      this.data = data;
      this.error = null;
    } catch (err) {
      if ((err as Error)?.name === 'AbortError' || this.projectId !== id) return;
      this.error = ot('panel.failed', { message: errorMessage(err) });
    }
    if (this.loading === controller) this.loading = null;
    this.render();
  }

  private render(): void {
    const data = this.data && this.data.projectId === this.projectId ? this.data : null;
    this.el.dataset.state = this.error ? 'error' : data ? 'loaded' : 'loading';
    const scopeSelect = h(
      'select',
      {
        'data-testid': 'overlaps-scope',
        'aria-label': ot('panel.scope'),
        onchange: (e: Event) => {
          this.scope = (e.target as HTMLSelectElement).value as CrossBoundary;
          void this.load();
        },
      },
      ...SCOPES.map((s) => h('option', { value: s, selected: s === this.scope }, ot(`panel.scope.${s}`))),
    );
    const items = data?.items ?? [];
    replaceChildren(
      this.el,
      h('h3', {}, ot('panel.title'), data ? ` (${items.length})` : ''),
      h(
        'div',
        { class: 'overlaps-tools' },
        h('label', { class: 'inline-label' }, ot('panel.scope'), ' ', scopeSelect),
        items.length
          ? h(
              'button',
              { type: 'button', class: 'secondary', 'data-testid': 'overlaps-highlight', onclick: () => this.highlightAll(items) },
              ot('panel.highlightAll'),
            )
          : null,
      ),
      this.error
        ? h('p', { class: 'note error' }, this.error)
        : !data
          ? h('p', { class: 'muted' }, ot('panel.loading'))
          : items.length
            ? h('ul', { class: 'overlap-list' }, ...items.map((item) => this.itemRow(item)))
            : h('p', { class: 'muted', 'data-testid': 'overlaps-none' }, ot('panel.none')),
    );
  }

  private itemRow(item: ProjectOverlap): HTMLElement {
    const where = [...item.cities.map((c) => c.name), ...item.regions.map((r) => r.name)].join(' · ');
    return h(
      'li',
      { class: 'overlap-item', 'data-testid': 'overlap-item', 'data-id': item.id },
      h(
        'div',
        { class: 'overlap-head' },
        h(
          'button',
          { type: 'button', class: 'link overlap-name', 'data-testid': 'overlap-open', onclick: () => this.focusNode(item.id) },
          localName(item),
        ),
        where ? h('span', { class: 'overlap-where' }, where) : null,
      ),
      scoreMeter(item.score),
      explanationBlock(item.explanation),
      h(
        'button',
        { type: 'button', class: 'small', 'data-testid': 'overlap-highlight-one', onclick: () => this.highlightAll([item]) },
        ot('panel.highlightOne'),
      ),
    );
  }

  private highlightAll(items: readonly ProjectOverlap[]): void {
    if (!this.projectId) return;
    this.highlight.show({
      projectIds: [this.projectId, ...items.map((i) => i.id)],
      cityIds: items.flatMap((i) => i.cities.map((c) => c.id)),
      sourceId: this.projectId,
    });
  }
}
