/**
 * The material-flow tab (industrial symbiosis): SUPPLIES links on the map as directed arrows with width
 * by tonnes a year, everything else faded, the flows listed largest first, and the side streams that
 * have no taker yet (the Kemi-Tornio question: whose by-products could someone still use?).
 */
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { getLang } from '../i18n';
import { analysisApi, type MaterialFlows } from './analysis-api';
import { at } from './analysis-i18n';
import type { GraphTools } from './graph-tools';

export class FlowsView {
  readonly el = h('div', { class: 'an-flows', 'data-testid': 'analysis-flows' });
  private data: MaterialFlows | null = null;
  private error: string | null = null;
  private onMap = false;

  constructor(
    private readonly workspaceId: string,
    private readonly tools: GraphTools,
    private readonly focusNode: (id: string) => void,
  ) {}

  async load(): Promise<void> {
    try {
      this.data = await analysisApi.materialFlows(this.workspaceId);
      this.error = null;
      if (this.onMap) this.tools.showFlows(this.data);
    } catch (err) {
      this.error = errorMessage(err);
    }
    this.render();
  }

  /** Something else took over the map (show all, ego, path). */
  leftMap(): void {
    this.onMap = false;
    this.render();
  }

  private toggleMap(): void {
    this.onMap = !this.onMap;
    if (this.onMap && this.data) this.tools.showFlows(this.data);
    else this.tools.showAll();
    this.render();
  }

  render(): void {
    const tonnes = (t: number | null) => (t === null ? at('flows.unknownTonnes') : at('flows.tonnes', { tonnes: t.toLocaleString(getLang() === 'en' ? 'en-GB' : 'fi-FI') }));
    const link = (id: string, name: string | null) => h('button', { type: 'button', class: 'an-link', onclick: () => this.focusNode(id) }, name ?? id);
    if (this.error) {
      replaceChildren(this.el, h('p', { class: 'an-error' }, at('metrics.failed', { message: this.error })));
      return;
    }
    if (!this.data) {
      replaceChildren(this.el, h('p', { class: 'an-muted' }, at('metrics.loading')));
      return;
    }
    const streamName = (s: MaterialFlows['untakenStreams'][number]) => (getLang() === 'en' && s.nameEn) || (getLang() === 'sv' && s.nameSv) || s.name;
    replaceChildren(
      this.el,
      h('button', { type: 'button', class: this.onMap ? 'secondary' : 'primary', 'data-testid': 'flows-toggle', onclick: () => this.toggleMap() }, at(this.onMap ? 'flows.hide' : 'flows.show')),
      h('h3', {}, at('flows.list')),
      this.data.flows.length
        ? h(
            'ul',
            { class: 'an-list', 'data-testid': 'flows-list' },
            ...this.data.flows.map((f) =>
              h('li', { 'data-edge-id': f.id }, link(f.source, f.sourceName), ' → ', link(f.target, f.targetName), h('span', { class: 'an-muted' }, ` ${f.material ?? ''} · ${tonnes(f.tonnesPerYear)}`)),
            ),
          )
        : h('p', { class: 'an-muted' }, at('flows.none')),
      h('h3', {}, at('flows.untaken')),
      this.data.untakenStreams.length
        ? h(
            'ul',
            { class: 'an-list', 'data-testid': 'untaken-streams' },
            ...this.data.untakenStreams.map((s) =>
              h(
                'li',
                { 'data-stream-id': s.id },
                link(s.id, streamName(s)),
                h('span', { class: 'an-muted' }, ` ${tonnes(s.tonnesPerYear)}`),
                s.producers.length ? h('div', { class: 'an-muted' }, at('flows.producer', { names: s.producers.map((p) => p.name).join(', ') })) : null,
              ),
            ),
          )
        : h('p', { class: 'an-muted' }, at('flows.untakenNone')),
    );
  }
}
