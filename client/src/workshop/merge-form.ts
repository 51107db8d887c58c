/**
 * Merging duplicates: the facilitator picks the entry to keep and the one to merge into it (same
 * type), or takes one of the suggested pairs of look-alike names ("Oulun yliopisto" / "Oulun ylipisto").
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import { byName, h, replaceChildren } from '../dom';
import { typeLabel } from '../i18n';
import { likeness } from './similar-names';
import { wt } from './workshop-i18n';

/** Suggestions are only looked for among this many nodes per type (pairs grow quadratically). */
const MAX_SUGGEST_PER_TYPE = 400;
const MAX_SUGGESTIONS = 8;

export class MergeForm {
  readonly el: HTMLElement;
  private readonly survivor = h('select', { id: 'merge-survivor', 'data-testid': 'merge-survivor' });
  private readonly merged = h('select', { id: 'merge-merged', 'data-testid': 'merge-merged' });
  private readonly error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'merge-error' });
  private readonly suggestions = h('ul', { class: 'merge-suggestions', 'data-testid': 'merge-suggestions' });
  private readonly submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'merge-submit' });
  private readonly labels = {
    survivor: h('label', { for: 'merge-survivor' }),
    merged: h('label', { for: 'merge-merged' }),
    heading: h('h3', {}),
    hint: h('p', { class: 'hint' }),
  };

  constructor(
    private readonly cy: () => Core,
    private readonly onMerge: (survivorId: string, mergedId: string) => Promise<void>,
  ) {
    const form = h(
      'form',
      { class: 'merge-form', 'data-testid': 'merge-form' },
      this.labels.heading,
      this.labels.hint,
      this.suggestions,
      h(
        'div',
        { class: 'two-columns' },
        h('div', { class: 'stack' }, this.labels.survivor, this.survivor),
        h('div', { class: 'stack' }, this.labels.merged, this.merged),
      ),
      this.error,
      this.submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    this.el = form;
  }

  render(): void {
    this.labels.heading.textContent = wt('merge.heading');
    this.labels.hint.textContent = wt('merge.hint');
    this.labels.survivor.textContent = wt('merge.survivor');
    this.labels.merged.textContent = wt('merge.merged');
    this.submit.textContent = wt('merge.submit');
    const nodes = this.cy()
      .nodes()
      .toArray()
      .sort(byName((n) => `${n.data('type')} ${n.data('label')}`)) as NodeSingular[];
    for (const select of [this.survivor, this.merged]) {
      const chosen = select.value;
      replaceChildren(
        select,
        h('option', { value: '' }, wt('merge.choose')),
        ...nodes.map((n) =>
          h('option', { value: n.id(), selected: n.id() === chosen }, `${n.data('label')} (${typeLabel(String(n.data('type')))})`),
        ),
      );
    }
    this.renderSuggestions(nodes);
  }

  private renderSuggestions(nodes: NodeSingular[]): void {
    const byType = new Map<NodeType, NodeSingular[]>();
    for (const n of nodes) {
      const type = n.data('type') as NodeType;
      const list = byType.get(type) ?? [];
      if (list.length < MAX_SUGGEST_PER_TYPE) list.push(n);
      byType.set(type, list);
    }
    const pairs: [NodeSingular, NodeSingular][] = [];
    for (const list of byType.values()) {
      for (let i = 0; i < list.length && pairs.length < MAX_SUGGESTIONS; i++) {
        for (let j = i + 1; j < list.length && pairs.length < MAX_SUGGESTIONS; j++) {
          if (likeness(String(list[i]!.data('name')), String(list[j]!.data('name'))) !== 'different') pairs.push([list[i]!, list[j]!]);
        }
      }
    }
    // The older entry (usually the one others already link to) is offered as the one to keep.
    const older = (a: NodeSingular, b: NodeSingular) => String(a.data('createdAt') ?? '') <= String(b.data('createdAt') ?? '');
    replaceChildren(
      this.suggestions,
      ...pairs.map(([a, b]) => {
        const [keep, drop] = older(a, b) ? [a, b] : [b, a];
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-testid': 'merge-suggestion',
              onclick: () => {
                this.survivor.value = keep.id();
                this.merged.value = drop.id();
              },
            },
            wt('merge.suggestion', { keep: String(keep.data('label')), drop: String(drop.data('label')) }),
          ),
        );
      }),
    );
  }

  private async run(): Promise<void> {
    const survivorId = this.survivor.value;
    const mergedId = this.merged.value;
    const cy = this.cy();
    const a = cy.getElementById(survivorId);
    const b = cy.getElementById(mergedId);
    if (!survivorId || !mergedId || survivorId === mergedId || a.empty() || b.empty()) {
      this.error.textContent = wt('merge.pickTwo');
      return;
    }
    if (a.data('type') !== b.data('type')) {
      this.error.textContent = wt('merge.sameType');
      return;
    }
    this.error.textContent = '';
    this.submit.disabled = true;
    try {
      await this.onMerge(survivorId, mergedId);
      this.merged.value = '';
    } catch (err) {
      this.error.textContent = (err as Error).message;
    } finally {
      this.submit.disabled = false;
    }
  }
}
