/**
 * /workshop/:code/facilitate and /workshop/new: the signed-in facilitator's console. Sign in (or
 * create an account), create a workshop, then run it: pause, resume, close; share the link and QR
 * code, open the projector view; see who is online and the counters; hide, remove and merge entries;
 * export the result as JSON or CSV.
 */
import type { WorkshopPresence, WorkshopState } from '../../../domain/workshops';
import { ApiError, errorMessage } from '../api';
import { debounce, h, replaceChildren } from '../dom';
import { onLanguageChange, t } from '../i18n';
import { ActorNames } from './actor-names';
import { ensureSignedIn, showUser } from './auth-form';
import { confirmButton } from './confirm-button';
import { WorkshopCounters } from './counters';
import { showCreateWorkshopForm } from './create-workshop-form';
import { EntriesList } from './entries-list';
import { readJson, storageKey, writeJson } from './local-store';
import { MergeForm } from './merge-form';
import { createPageShell, type PageShell } from './page-shell';
import { joinQrSvg, svgElement } from './qr-code';
import { newWorkshopPath, projectorPath } from './routes';
import { workshopApi, type PublicWorkshop } from './workshop-api';
import { wt } from './workshop-i18n';
import { WorkshopLive } from './workshop-live';
import { WorkshopMap } from './workshop-map';

export async function startFacilitatorPage(
  route: { page: 'facilitate'; code: string } | { page: 'new'; workspaceId: string | null },
): Promise<void> {
  const shell = createPageShell('facilitator');
  shell.title.textContent = wt('facilitator.title');
  const user = await ensureSignedIn(shell).catch((err: unknown) => {
    replaceChildren(shell.main, h('p', { class: 'ws-card form-error' }, errorMessage(err)));
    return null;
  });
  if (!user) return;
  showUser(shell, user);
  if (route.page === 'new') {
    await showCreateWorkshopForm(shell, route.workspaceId);
    return;
  }
  const info = await loadInfo(shell, route.code);
  if (info) new FacilitatorConsole(shell, info).start();
}

async function loadInfo(shell: PageShell, code: string): Promise<PublicWorkshop | null> {
  const key = storageKey(code, 'info');
  try {
    const info = await workshopApi.info(code);
    writeJson(key, { ...readJson<object>(key), ...info });
    return info;
  } catch (err) {
    const cached = readJson<PublicWorkshop>(key);
    if (cached && err instanceof ApiError && err.status === 410) return { ...cached, state: 'closed' };
    replaceChildren(
      shell.main,
      h(
        'section',
        { class: 'ws-card' },
        h(
          'p',
          { class: 'form-error' },
          err instanceof ApiError && err.status === 404 ? wt('facilitator.notFound', { code }) : errorMessage(err),
        ),
        h('a', { class: 'button-link', href: newWorkshopPath() }, wt('create.title')),
      ),
    );
    return null;
  }
}

class FacilitatorConsole {
  private readonly controls = h('section', { class: 'ws-card control-card' });
  private readonly share = h('section', { class: 'ws-card share-card' });
  private readonly live = h('section', { class: 'ws-card live-card' });
  private readonly entriesCard = h('section', { class: 'ws-card entries-card', 'data-testid': 'entries' });
  private readonly mapEl = h('div', { class: 'facilitator-map', 'data-testid': 'facilitator-map' });
  private readonly qr = h('div', { class: 'qr small', 'data-testid': 'join-qr' });
  private readonly onlineList = h('ul', { class: 'online-list', 'data-testid': 'online-list' });
  private readonly map: WorkshopMap;
  private readonly counters: WorkshopCounters;
  private readonly entries: EntriesList;
  private readonly merge: MergeForm;
  /** Who added what: names from the export, actors of live changes (named through presence). */
  private readonly addedByName = new Map<string, string>();
  private readonly actorOf = new Map<string, string>();
  private readonly names = new ActorNames();
  private readonly refreshLists: () => void;
  private presence: WorkshopPresence | null = null;
  private state: WorkshopState;

  /** The read-only projector link, once asked for: for a screen where the facilitator is not signed in. */
  private readonly projectorLinkBox = h('p', { class: 'hint', 'data-testid': 'projector-share', hidden: true });

  constructor(
    private readonly shell: PageShell,
    private readonly info: PublicWorkshop,
  ) {
    this.state = info.state;
    // In the document before the map is made: Cytoscape measures its container.
    shell.main.append(
      h(
        'div',
        { class: 'facilitator' },
        h('div', { class: 'facilitator-side' }, this.controls, this.share, this.live),
        h('div', { class: 'facilitator-work' }, h('section', { class: 'ws-card map-card' }, this.mapEl), this.entriesCard),
      ),
    );
    this.map = new WorkshopMap(this.mapEl, info.workspaceId, {
      hiddenEntries: 'fade',
      clearance: { x: 110, y: 48 },
      layoutSpacing: 1.4,
      follow: { maxZoom: 1.6 },
      onStatus: (status) => shell.setStatus(status),
      onChange: (change) => {
        if (change.event === 'node:created') this.actorOf.set(change.node.id, change.actor);
        if (change.event === 'relationship:created') this.actorOf.set(change.edge.id, change.actor);
        this.counters.changed();
        this.refreshLists();
      },
      onLoaded: () => {
        this.refreshLists();
        this.counters.changed();
        void this.loadAddedBy();
      },
    });
    this.counters = new WorkshopCounters(info.code, () => this.map.cy);
    this.entries = new EntriesList(
      () => this.map.cy,
      (id) => this.addedByName.get(id) ?? this.names.label(this.actorOf.get(id)),
      {
        setHidden: (id, hidden) => this.setHidden(id, hidden),
        remove: (id) => this.remove(id),
      },
    );
    this.merge = new MergeForm(
      () => this.map.cy,
      (survivorId, mergedId) => this.mergeEntries(survivorId, mergedId),
    );
    this.refreshLists = debounce(() => {
      this.entries.render();
      this.merge.render();
    }, 200);
    onLanguageChange(() => this.render());
  }

  start(): void {
    this.render();
    void joinQrSvg(this.info.code, this.info.joinUrl).then((markup) => replaceChildren(this.qr, svgElement(markup)));
    new WorkshopLive(this.map.live.socket, this.info.code, () => ({}), {
      onJoined: ({ workshop }) => this.setState(workshop.state),
      onJoinFailed: (failure) => this.shell.toasts.show(`${failure.message} (${failure.code})`, 'error'),
      onPresence: (presence) => {
        this.presence = presence;
        this.names.learn(presence);
        this.counters.setPresence(presence);
        this.renderOnline();
      },
      onState: (change) => this.setState(change.state),
    });
    void this.map.start();
  }

  private render(): void {
    this.shell.title.textContent = this.info.title;
    this.shell.subtitle.textContent = wt('facilitator.title');
    this.renderControls();
    const link = (href: string, testId: string, label: string, extra: Record<string, string> = {}) =>
      h('a', { href, class: 'button-link', 'data-testid': testId, ...extra }, label);
    replaceChildren(
      this.share,
      h('h2', {}, wt('facilitator.share')),
      h(
        'a',
        { href: this.info.joinUrl, class: 'join-link', 'data-testid': 'join-link', target: '_blank', rel: 'noopener' },
        this.info.joinUrl,
      ),
      this.qr,
      h(
        'div',
        { class: 'row-buttons' },
        link(projectorPath(this.info.code), 'projector-link', wt('facilitator.openProjector'), { target: '_blank' }),
        h('button', { type: 'button', 'data-testid': 'projector-share-button', onclick: () => void this.showProjectorLink() }, wt('facilitator.projectorLink')),
        link(newWorkshopPath(this.info.workspaceId), 'new-workshop-link', wt('facilitator.newWorkshop')),
      ),
      this.projectorLinkBox,
      h('h2', {}, wt('facilitator.export')),
      h(
        'div',
        { class: 'row-buttons' },
        link(workshopApi.exportUrl(this.info.code, 'json'), 'export-json', 'JSON', { download: `${this.info.code}.json` }),
        link(workshopApi.exportUrl(this.info.code, 'csv'), 'export-csv', 'CSV', { download: `${this.info.code}.csv` }),
        link(`/w/${encodeURIComponent(this.info.workspaceId)}`, 'open-map', wt('facilitator.openMap'), { target: '_blank' }),
      ),
    );
    replaceChildren(
      this.live,
      h('h2', {}, wt('facilitator.live')),
      this.counters.el,
      h('h3', {}, wt('facilitator.online')),
      this.onlineList,
    );
    this.counters.render();
    this.renderOnline();
    replaceChildren(this.entriesCard, h('h2', {}, wt('entries.heading')), this.entries.el, this.merge.el);
    this.entries.render();
    this.merge.render();
  }

  private renderControls(): void {
    const state = this.state;
    const action = (name: 'pause' | 'resume') =>
      h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': `${name}-button`, onclick: () => void this.control(name) },
        wt(`facilitator.${name}`),
      );
    replaceChildren(
      this.controls,
      h('p', { class: 'kicker' }, wt('facilitator.code')),
      h('div', { class: 'join-code', 'data-testid': 'workshop-code' }, this.info.code),
      h(
        'p',
        {},
        h('span', { class: `state-badge ${state}`, 'data-testid': 'workshop-state-badge', 'data-state': state }, wt(`state.${state}`)),
      ),
      state === 'closed'
        ? h('p', { class: 'hint' }, wt('facilitator.closedHint'))
        : h(
            'div',
            { class: 'row-buttons' },
            state === 'open' ? action('pause') : action('resume'),
            confirmButton({
              label: wt('facilitator.close'),
              confirmLabel: wt('facilitator.confirmClose'),
              testId: 'close-button',
              key: `close:${this.info.code}`,
              action: () => this.control('close'),
            }),
          ),
    );
  }

  private renderOnline(): void {
    const online = this.presence?.online ?? [];
    replaceChildren(
      this.onlineList,
      ...online.map((p) =>
        h(
          'li',
          { 'data-testid': 'online-participant', 'data-role': p.role },
          h('span', { class: 'dot', 'aria-hidden': 'true' }),
          p.displayName,
          p.role === 'facilitator' ? h('span', { class: 'hint' }, ` (${wt('facilitator.you')})`) : null,
        ),
      ),
      online.length === 0 ? h('li', { class: 'hint' }, wt('projector.nobodyYet')) : null,
    );
  }

  private setState(state: WorkshopState): void {
    if (state === this.state) return;
    this.state = state;
    this.renderControls();
  }

  private async control(action: 'pause' | 'resume' | 'close'): Promise<void> {
    try {
      const info = await workshopApi.control(this.info.code, action);
      this.setState(info.state);
    } catch (err) {
      this.shell.toasts.show(t('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private async setHidden(id: string, hidden: boolean): Promise<void> {
    try {
      await (hidden ? workshopApi.hide(this.info.code, id) : workshopApi.unhide(this.info.code, id));
      // The change arrives live too; show it at once.
      this.map.cy.getElementById(id).data('hidden', hidden);
      this.refreshLists();
      this.counters.changed();
    } catch (err) {
      this.shell.toasts.show(t('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private async remove(id: string): Promise<void> {
    try {
      await workshopApi.remove(this.info.code, id);
      this.map.applier.remove(id);
      this.refreshLists();
      this.counters.changed();
      this.shell.toasts.show(wt('entries.removed'), 'success');
    } catch (err) {
      this.shell.toasts.show(t('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private async mergeEntries(survivorId: string, mergedId: string): Promise<void> {
    try {
      await workshopApi.merge(this.info.code, survivorId, mergedId);
      this.shell.toasts.show(wt('merge.done'), 'success');
    } catch (err) {
      throw new Error(errorMessage(err));
    }
  }

  /** Who added the entries already there, from the workshop's export. */
  private async loadAddedBy(): Promise<void> {
    try {
      const exported = await workshopApi.exportJson(this.info.code);
      for (const entry of [...exported.nodes, ...exported.relationships]) if (entry.addedBy) this.addedByName.set(entry.id, entry.addedBy);
      this.refreshLists();
    } catch {
      /* the list works without names */
    }
  }

  private async showProjectorLink(): Promise<void> {
    this.projectorLinkBox.hidden = false;
    try {
      const { projectorUrl } = await workshopApi.projectorLink(this.info.code);
      const field = h('input', { type: 'text', readonly: true, value: projectorUrl, 'data-testid': 'projector-share-url', class: 'copy-field' }) as HTMLInputElement;
      replaceChildren(this.projectorLinkBox, wt('facilitator.projectorLinkHint'), ' ', field);
      field.select();
      await navigator.clipboard?.writeText(projectorUrl).catch(() => undefined);
    } catch (err) {
      replaceChildren(this.projectorLinkBox, errorMessage(err));
    }
  }
}
