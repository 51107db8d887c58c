/**
 * /workshop/:code/projector: the room's big screen. The live map fills it (positions stay put: new
 * entries are placed next to their neighbours and glow for a few seconds), beside it the join code in
 * big letters with the QR code, live counters, who is online, and the latest additions.
 */
import type { WorkshopPresence, WorkshopState } from '../../../domain/workshops';
import { ApiError, errorMessage } from '../api';
import { debounce, h, replaceChildren } from '../dom';
import { onLanguageChange, typeLabel } from '../i18n';
import type { AppliedChange } from '../../../domain/events';
import { displayName } from '../views/graph-view';
import { ActorNames } from './actor-names';
import { ArrivalHighlighter } from './arrival-highlight';
import { WorkshopCounters } from './counters';
import { readJson, storageKey, writeJson } from './local-store';
import { createPageShell, useWorkshopLanguage, type PageShell } from './page-shell';
import { projectorStylesheet } from './projector-style';
import { joinQrSvg, svgElement } from './qr-code';
import { facilitatePath, projectorKeyOf } from './routes';
import { workshopApi, type PublicWorkshop } from './workshop-api';
import { wt } from './workshop-i18n';
import { WorkshopLive } from './workshop-live';
import { WorkshopMap } from './workshop-map';

const TICKER_ITEMS = 3;
/** The projector never zooms in further than this, so a small map does not fill the wall with one node. */
const MAX_ZOOM = 1.5;

export async function startProjectorPage(code: string): Promise<void> {
  const shell = createPageShell('projector');
  const info = await loadInfo(shell, code);
  if (!info) return;
  useWorkshopLanguage(info.language);
  new ProjectorView(shell, info).start();
}

async function loadInfo(shell: PageShell, code: string): Promise<PublicWorkshop | null> {
  try {
    const info = await workshopApi.info(code);
    writeJson(storageKey(code, 'info'), { ...readJson<object>(storageKey(code, 'info')), ...info });
    return info;
  } catch (err) {
    // A closed workshop's map can still be shown when this browser has seen it.
    const cached = readJson<PublicWorkshop>(storageKey(code, 'info'));
    if (cached && err instanceof ApiError && (err.status === 410 || err.status === 0))
      return { ...cached, state: err.status === 410 ? 'closed' : cached.state };
    replaceChildren(shell.main, h('section', { class: 'ws-card' }, h('p', {}, wt('projector.loadFailed', { message: errorMessage(err) }))));
    return null;
  }
}

class ProjectorView {
  private readonly mapEl = h('div', { class: 'projector-map', 'data-testid': 'projector-map' });
  private readonly side = h('aside', { class: 'projector-side' });
  private readonly ticker = h('ol', { class: 'ticker', 'data-testid': 'ticker' });
  private readonly tickerHeading = h('h2', {});
  private readonly stateOverlay = h('div', { class: 'state-overlay', hidden: true, 'data-testid': 'workshop-state' });
  private readonly onlineList = h('div', { class: 'online' });
  private readonly qr = h('div', { class: 'qr', 'data-testid': 'join-qr' });
  private readonly map: WorkshopMap;
  private readonly counters: WorkshopCounters;
  private readonly highlighter: ArrivalHighlighter;
  private readonly recent: { id: string; name: string; type: string; actor: string }[] = [];
  private readonly names = new ActorNames();
  private presence: WorkshopPresence | null = null;
  private presenceProblem: string | null = null;
  private state: WorkshopState;
  /** Opened from the read-only projector link: its key; otherwise the facilitator's session is used. */
  private readonly projectorKey: string | undefined;

  constructor(
    private readonly shell: PageShell,
    private readonly info: PublicWorkshop,
  ) {
    this.state = info.state;
    this.projectorKey = projectorKeyOf(info.code);
    // In the document before the map is made: Cytoscape measures its container.
    shell.main.append(h('div', { class: 'projector' }, this.mapEl, this.side, this.stateOverlay));
    this.map = new WorkshopMap(this.mapEl, info.workspaceId, {
      clearance: { x: 240, y: 120 },
      layoutSpacing: 2.6,
      follow: { maxZoom: MAX_ZOOM },
      style: (cy) => projectorStylesheet(cy),
      onAdded: (ele, animate) => {
        if (animate) this.highlighter.mark(ele);
      },
      onChange: (change, replay) => this.changed(change, replay),
      onStatus: (status) => shell.setStatus(status),
      onLoaded: () => this.counters.changed(),
    });
    this.map.cy.autoungrabify(true);
    // Label sizes follow the zoom (projector-style.ts).
    this.map.cy.on(
      'zoom',
      debounce(() => this.map.cy.style().update(), 60),
    );
    this.highlighter = new ArrivalHighlighter(this.map.cy);
    this.counters = new WorkshopCounters(info.code, () => this.map.cy, this.projectorKey);
    onLanguageChange(() => this.render());
  }

  start(): void {
    this.render();
    void joinQrSvg(this.info.code, this.info.joinUrl).then((markup) => replaceChildren(this.qr, svgElement(markup)));
    new WorkshopLive(this.map.live.socket, this.info.code, () => ({ projectorKey: this.projectorKey }), {
      onJoined: ({ workshop }) => {
        this.presenceProblem = null;
        this.setState(workshop.state);
      },
      onJoinFailed: (failure) => {
        this.presenceProblem = failure.code;
        if (failure.code === 'WORKSHOP_CLOSED' || failure.code === 'WORKSHOP_ENDED') this.setState('closed');
        this.renderOnline();
      },
      onPresence: (presence) => {
        this.presence = presence;
        this.names.learn(presence);
        this.counters.setPresence(presence);
        this.renderOnline();
      },
      onState: (change) => this.setState(change.state),
    });
    void this.map.start();
    window.addEventListener(
      'resize',
      debounce(() => this.map.fitAll(true), 300),
    );
  }

  private render(): void {
    this.shell.title.textContent = this.info.title;
    this.shell.subtitle.textContent = wt('projector.subtitle');
    const joinHost = this.info.joinUrl.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '/join');
    replaceChildren(
      this.side,
      h(
        'section',
        { class: 'join-box' },
        h('p', { class: 'join-how' }, wt('projector.joinAt'), ' ', h('strong', {}, joinHost)),
        h(
          'div',
          { class: 'join-code', 'data-testid': 'join-code', 'aria-label': this.info.code },
          this.info.code.slice(0, 3),
          h('span', { class: 'gap' }),
          this.info.code.slice(3),
        ),
        this.qr,
        h('p', { class: 'join-url', 'data-testid': 'join-url' }, this.info.joinUrl.replace(/^https?:\/\//, '')),
      ),
      this.counters.el,
      h('section', { class: 'latest' }, this.tickerHeading, this.ticker),
      this.onlineList,
    );
    this.tickerHeading.textContent = wt('projector.latest');
    this.counters.render();
    this.renderOnline();
    this.renderTicker();
    this.setState(this.state);
  }

  private renderOnline(): void {
    const participants = this.presence?.online.filter((p) => p.role === 'participant') ?? [];
    const problem =
      this.presenceProblem === 'NOT_SIGNED_IN' || this.presenceProblem === 'NOT_FACILITATOR' || this.presenceProblem === 'INVALID_PROJECTOR_KEY'
        ? h(
            'p',
            { class: 'hint' },
            wt('projector.signInForPresence'),
            ' ',
            h('a', { href: facilitatePath(this.info.code) }, wt('projector.signInLink')),
          )
        : null;
    replaceChildren(
      this.onlineList,
      h('h2', {}, wt('projector.online', { count: participants.length })),
      problem,
      h(
        'ul',
        { class: 'online-list', 'data-testid': 'online-list' },
        ...participants.map((p) =>
          h(
            'li',
            { 'data-testid': 'online-participant', 'data-id': p.participantId },
            h('span', { class: 'dot', 'aria-hidden': 'true' }),
            p.displayName,
          ),
        ),
      ),
      participants.length === 0 && !problem ? h('p', { class: 'hint' }, wt('projector.nobodyYet')) : null,
    );
  }

  private renderTicker(): void {
    replaceChildren(
      this.ticker,
      ...this.recent.map((item, i) => {
        const actor = this.names.label(item.actor);
        return h(
          'li',
          { class: i === 0 ? 'newest' : '' },
          h('span', { class: 'ticker-type' }, typeLabel(item.type)),
          h('strong', {}, item.name),
          actor ? h('span', { class: 'ticker-actor' }, `– ${actor}`) : null,
        );
      }),
    );
    this.ticker.parentElement?.toggleAttribute('hidden', this.recent.length === 0);
  }

  private setState(state: WorkshopState): void {
    this.state = state;
    this.stateOverlay.hidden = state === 'open';
    this.stateOverlay.dataset.state = state;
    replaceChildren(
      this.stateOverlay,
      h('strong', {}, state === 'paused' ? wt('state.paused') : wt('state.closed')),
      h('span', {}, state === 'paused' ? wt('projector.pausedHint') : wt('projector.closedHint')),
    );
  }

  private changed(change: AppliedChange, replay: boolean): void {
    this.counters.changed();
    if (change.event === 'node:created' && !replay) {
      this.recent.unshift({ id: change.node.id, name: displayName(change.node), type: change.node.type, actor: change.actor });
      this.recent.length = Math.min(this.recent.length, TICKER_ITEMS);
      this.renderTicker();
    }
    // What was removed or merged away leaves the ticker too.
    const gone = change.event === 'node:deleted' ? change.node.id : change.event === 'node:merged' ? change.mergedId : null;
    const index = gone ? this.recent.findIndex((item) => item.id === gone) : -1;
    if (index >= 0) {
      this.recent.splice(index, 1);
      this.renderTicker();
    }
    if (change.event === 'node:merged' && !replay) this.highlighter.mark(this.map.cy.getElementById(change.node.id));
  }
}
