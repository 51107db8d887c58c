/** "Recent changes": the live changes applied during this session, newest first. */
import type { AppliedChange } from '../../../domain/events';
import { h, replaceChildren } from '../dom';
import { formatDateTime, t } from '../i18n';

const MAX_ITEMS = 25;

export interface FeedItem {
  change: AppliedChange;
  /** A readable name for what changed, captured when the change was applied. */
  name: string;
}

export class ActivityFeed {
  private items: FeedItem[] = [];
  private renderPending = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly onOpen: (id: string) => void,
  ) {}

  add(item: FeedItem): void {
    this.items.unshift(item);
    this.items.length = Math.min(this.items.length, MAX_ITEMS);
    // A burst of live changes (an import, a workshop) redraws the list once per frame, not per change.
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  render(): void {
    const rows = this.items.map(({ change, name }) => {
      const id = 'node' in change ? change.node.id : 'edge' in change ? change.edge.id : null;
      const deleted = change.event.endsWith(':deleted') || id === null;
      const text = t(`change.${change.event}`, { actor: change.actor || '?', name });
      return h(
        'li',
        {},
        deleted ? h('span', {}, text) : h('button', { type: 'button', class: 'link', onclick: () => this.onOpen(id!) }, text),
        h('time', { datetime: change.at }, formatDateTime(change.at)),
      );
    });
    replaceChildren(
      this.root,
      h('h2', {}, t('live.recent')),
      rows.length ? h('ul', { class: 'feed', 'data-testid': 'activity-feed' }, ...rows) : h('p', { class: 'muted' }, t('live.noRecent')),
    );
  }
}
