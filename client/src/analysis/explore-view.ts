/**
 * The explore tab: the selected node's ego network (1, 2 or 3 steps; the rest dimmed or hidden), focus
 * mode, hide and show all, and the introduction path between two actors, highlighted on the map and
 * listed as "A → B → C".
 */
import type { Core } from 'cytoscape';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { displayName } from '../views/graph-view';
import { analysisApi, type IntroductionPaths, type PathNode } from './analysis-api';
import { at } from './analysis-i18n';
import type { GraphTools } from './graph-tools';

/** Node types offered as the ends of an introduction path. */
const ACTOR_TYPES = new Set(['Organisation', 'Person', 'Cluster', 'City', 'Region']);

export class ExploreView {
  readonly el = h('div', { class: 'an-explore', 'data-testid': 'analysis-explore' });
  private hideOthers = false;
  private message = '';
  private ends: { from: { id: string; name: string } | null; to: { id: string; name: string } | null } = { from: null, to: null };
  private max = 4;
  private paths: IntroductionPaths | null = null;

  constructor(
    private readonly workspaceId: string,
    private readonly cy: Core,
    private readonly tools: GraphTools,
    /** Called when this view takes over the map (so the flow view knows it is off). */
    private readonly tookMap: () => void,
  ) {
    cy.on('select unselect', 'node', () => this.render());
  }

  private selected(): { id: string; name: string } | null {
    const node = this.cy.$('node:selected');
    return node.length === 1 ? { id: node.id(), name: displayName(node.data()) } : null;
  }

  private async ego(depth: number): Promise<void> {
    const sel = this.selected();
    if (!sel) return this.say(at('explore.selectFirst'));
    try {
      const ego = await analysisApi.ego(this.workspaceId, sel.id, depth);
      this.tookMap();
      const count = this.tools.showEgo(ego, this.hideOthers);
      this.say(at('explore.egoShown', { count, depth }));
    } catch (err) {
      this.say(errorMessage(err));
    }
  }

  private async findPath(): Promise<void> {
    const { from, to } = this.ends;
    if (!from || !to || from.id === to.id) return this.say(at('explore.pickBoth'));
    try {
      this.paths = await analysisApi.paths(this.workspaceId, from.id, to.id, this.max);
      this.tookMap();
      this.tools.showPaths(this.paths);
      const { length, paths } = this.paths;
      if (length === null) this.say(at('explore.noPath', { max: this.max }));
      else this.say(paths.length === 1 ? at('explore.pathOne', { length }) : at('explore.pathCount', { count: paths.length, length }));
    } catch (err) {
      this.say(errorMessage(err));
    }
  }

  private say(message: string): void {
    this.message = message;
    this.render();
  }

  /** The actor whose name is typed, among the nodes on the map. */
  private actorNamed(name: string): { id: string; name: string } | null {
    const wanted = name.trim().toLocaleLowerCase('fi');
    const node = this.cy.nodes().filter((n) => ACTOR_TYPES.has(n.data('type')) && displayName(n.data()).toLocaleLowerCase('fi') === wanted);
    return node.nonempty() ? { id: node[0]!.id(), name: displayName(node[0]!.data()) } : null;
  }

  render(): void {
    const sel = this.selected();
    const pathName = (n: PathNode) => {
      const node = this.cy.getElementById(n.id);
      return node.nonempty() ? displayName(node.data()) : (n.name ?? n.id);
    };
    const actorNames = this.cy
      .nodes()
      .filter((n) => ACTOR_TYPES.has(n.data('type')))
      .map((n) => displayName(n.data()))
      .sort((a, b) => a.localeCompare(b, 'fi'));
    const endInput = (which: 'from' | 'to') =>
      h(
        'div',
        { class: 'an-row' },
        h('label', {}, at(which === 'from' ? 'explore.from' : 'explore.to'), ' ',
          h('input', {
            type: 'text',
            list: 'an-actor-names',
            'data-testid': `path-${which}`,
            value: this.ends[which]?.name ?? '',
            onchange: (e) => {
              const name = (e.target as HTMLInputElement).value;
              this.ends[which] = this.actorNamed(name);
              if (name && !this.ends[which]) this.say(at('explore.unknownName', { name }));
            },
          }),
        ),
        h('button', {
          type: 'button',
          class: 'secondary',
          'data-testid': `path-${which}-selected`,
          disabled: !sel,
          onclick: () => {
            this.ends[which] = this.selected();
            this.render();
          },
        }, at('explore.useSelected')),
      );

    replaceChildren(
      this.el,
      h('p', { class: 'an-muted', 'data-testid': 'explore-selected' }, sel ? at('explore.selected', { name: sel.name }) : at('explore.selectFirst')),
      h('h3', {}, at('explore.ego')),
      h(
        'div',
        { class: 'an-row' },
        ...[1, 2, 3].map((depth) =>
          h('button', { type: 'button', class: 'secondary', 'data-testid': `ego-${depth}`, disabled: !sel, onclick: () => void this.ego(depth) }, at(depth === 1 ? 'explore.steps' : 'explore.stepsMany', { n: depth })),
        ),
      ),
      h('label', { class: 'an-check' }, h('input', { type: 'checkbox', 'data-testid': 'ego-hide-others', checked: this.hideOthers, onchange: (e) => (this.hideOthers = (e.target as HTMLInputElement).checked) }), at('explore.hideOthers')),
      h(
        'div',
        { class: 'an-row' },
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'focus-mode', disabled: !sel, onclick: () => { this.tookMap(); if (sel) this.tools.focus(sel.id); } }, at('explore.focus')),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'hide-selected', disabled: !sel, onclick: () => sel && this.tools.hide(sel.id) }, at('explore.hide')),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'show-all', onclick: () => { this.tookMap(); this.tools.showAll(); this.paths = null; this.say(''); } }, at('explore.showAll')),
      ),
      h('p', { class: 'an-muted' }, at('explore.expandHint')),
      h('h3', {}, at('explore.path')),
      h('datalist', { id: 'an-actor-names' }, ...actorNames.map((name) => h('option', { value: name }))),
      endInput('from'),
      endInput('to'),
      h(
        'div',
        { class: 'an-row' },
        h('label', {}, at('explore.max'), ' ',
          h('select', { 'data-testid': 'path-max', onchange: (e) => (this.max = Number((e.target as HTMLSelectElement).value)) },
            ...[2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === this.max }, n)),
          ),
        ),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'path-find', onclick: () => void this.findPath() }, at('explore.findPath')),
      ),
      this.message ? h('p', { class: 'an-message', 'data-testid': 'explore-message', 'aria-live': 'polite' }, this.message) : null,
      this.paths?.paths.length
        ? h('ol', { class: 'an-list', 'data-testid': 'path-list' }, ...this.paths.paths.map((p) => h('li', {}, p.nodes.map(pathName).join(' → '))))
        : null,
    );
  }
}
