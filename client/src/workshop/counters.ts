/**
 * Live counters of a workshop: participants, organisations, links, cities. From the summary endpoint
 * when the server has it (refreshed after changes), otherwise counted from the map itself.
 */
import type { Core } from 'cytoscape';
import type { WorkshopPresence, WorkshopSummary } from '../../../domain/workshops';
import { ApiError } from '../api';
import { debounce, h, replaceChildren } from '../dom';
import { formatNumber } from '../i18n';
import { workshopApi } from './workshop-api';
import { wt, type WorkshopMsgKey } from './workshop-i18n';

export const COUNTERS = ['participants', 'organisations', 'links', 'cities'] as const;
export type CounterName = (typeof COUNTERS)[number];

const LABELS: Record<CounterName, WorkshopMsgKey> = {
  participants: 'counters.participants',
  organisations: 'counters.organisations',
  links: 'counters.links',
  cities: 'counters.cities',
};

export class WorkshopCounters {
  readonly el: HTMLElement;
  private summary: WorkshopSummary | null = null;
  /** False once the server said it has no summary endpoint (404 for the route, not the workshop). */
  private summaryAvailable = true;
  private presence: WorkshopPresence | null = null;
  /** Participants seen online during this view, for when there is no summary. */
  private readonly seen = new Set<string>();
  private values: Record<CounterName, number> = { participants: 0, organisations: 0, links: 0, cities: 0 };
  readonly refresh: () => void;

  constructor(
    private readonly code: string,
    private readonly cy: () => Core | null,
    /** The projector link's key, when the page was opened from it. */
    private readonly projectorKey?: string,
  ) {
    this.el = h('div', { class: 'counters', 'data-testid': 'counters' });
    this.refresh = debounce(() => void this.load(), 600);
    this.render();
  }

  setPresence(presence: WorkshopPresence): void {
    this.presence = presence;
    for (const p of presence.online) if (p.role === 'participant') this.seen.add(p.participantId);
    this.render();
    this.refresh();
  }

  /** The map changed: recount now, ask the server again shortly. */
  changed(): void {
    this.render();
    this.refresh();
  }

  private async load(): Promise<void> {
    if (!this.summaryAvailable) return;
    try {
      this.summary = await workshopApi.summary(this.code, this.projectorKey);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && err.code !== 'NOT_FOUND') this.summaryAvailable = false;
      if (err instanceof ApiError && (err.status === 404 || err.status === 403 || err.status === 401)) this.summary = null;
    }
    this.render();
  }

  private count(): Record<CounterName, number> {
    const cy = this.cy();
    const visible = cy ? cy.elements(':visible') : null;
    const fromGraph = {
      organisations: visible ? visible.nodes('[type = "Organisation"]').length : 0,
      links: visible ? visible.edges().length : 0,
      cities: visible ? visible.nodes('[type = "City"]').length : 0,
    };
    const online = this.presence ? this.presence.online.filter((p) => p.role === 'participant').length : 0;
    if (this.summary) {
      return {
        participants: this.summary.participantsJoined,
        organisations: this.summary.counts.organisations,
        links: this.summary.counts.links,
        cities: this.summary.counts.cities,
      };
    }
    return { participants: Math.max(this.seen.size, online), ...fromGraph };
  }

  render(): void {
    const next = this.count();
    this.el.dataset.source = this.summary ? 'summary' : 'graph';
    replaceChildren(
      this.el,
      ...COUNTERS.map((name) =>
        h(
          'div',
          {
            class: `counter ${next[name] !== this.values[name] ? 'bumped' : ''}`,
            'data-testid': `counter-${name}`,
            'data-value': String(next[name]),
          },
          h('span', { class: 'counter-value' }, formatNumber(next[name])),
          h('span', { class: 'counter-label' }, wt(LABELS[name])),
        ),
      ),
    );
    this.values = next;
  }
}
