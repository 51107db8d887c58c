/**
 * 'insight:overlaps' from the worker ("a new project in Vaasa overlaps 2 projects in Kokkola and
 * Pori"): shown as a toast and kept in a sidebar card for the session, newest first; clicking either
 * highlights the project and the projects it overlaps, with their cities.
 */
import type { OverlapInsight } from '../../../domain/events';
import { h, replaceChildren } from '../dom';
import { formatDateTime } from '../i18n';
import type { MapHighlight } from './map-highlight';
import { explanationIn, ot } from './overlaps-i18n';
import { percent } from './project-overlaps-panel';

const MAX_ITEMS = 20;

interface Entry {
  insight: OverlapInsight;
  at: string;
}

export class InsightFeed {
  private entries: Entry[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly workspaceId: string,
    private readonly highlight: MapHighlight,
    private readonly notify: (message: string, onClick: () => void) => void,
  ) {}

  receive(insight: OverlapInsight): void {
    if (insight.workspaceId !== this.workspaceId || !insight.overlaps.length) return;
    // The same project announced again (edited): the newest replaces the older entry.
    this.entries = [
      { insight, at: new Date().toISOString() },
      ...this.entries.filter((e) => e.insight.projectId !== insight.projectId),
    ].slice(0, MAX_ITEMS);
    this.notify(explanationIn(insight.message).text, () => this.show(insight));
    this.render();
  }

  show(insight: OverlapInsight): void {
    this.highlight.show({ projectIds: [insight.projectId, ...insight.overlaps.map((o) => o.projectId)], sourceId: insight.projectId });
    document.body.classList.remove('sidebar-open');
  }

  render(): void {
    const rows = this.entries.map(({ insight, at }) =>
      h(
        'li',
        { 'data-testid': 'insight-entry', 'data-project': insight.projectId },
        h(
          'button',
          { type: 'button', class: 'link', 'data-testid': 'insight-show', title: ot('insight.show'), onclick: () => this.show(insight) },
          explanationIn(insight.message).text,
        ),
        h(
          'ul',
          { class: 'insight-overlaps' },
          ...insight.overlaps.map((o) =>
            h('li', { title: explanationIn(o.explanation).text }, `${o.name}${o.city ? ` (${o.city})` : ''} · ${percent(o.score)} %`),
          ),
        ),
        h('time', { datetime: at }, formatDateTime(at)),
      ),
    );
    replaceChildren(
      this.root,
      h('h2', {}, ot('insight.title')),
      rows.length
        ? h('ul', { class: 'feed insight-feed', 'data-testid': 'insight-feed' }, ...rows)
        : h('p', { class: 'muted' }, ot('insight.none')),
    );
  }
}
