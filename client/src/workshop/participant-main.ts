/**
 * The participant's page once joined: the workshop's state (paused, closed), the sections to add
 * themselves and their network, what is waiting to be sent, and the live map in a second tab. Sending
 * goes through the outbox: nothing typed is lost when the network drops; it is resent when the browser
 * is back online or the socket reconnects, and the map catches up on what it missed.
 */
import type { NodeType } from '../../../domain/entities';
import type { WorkshopPresence, WorkshopState, WorkshopWriteType } from '../../../domain/workshops';
import { isAllowedWriteType } from '../../../domain/workshops';
import { h, replaceChildren } from '../dom';
import { onLanguageChange } from '../i18n';
import { Drafts } from './drafts';
import { MyEntries, type SectionName } from './my-entries';
import { Outbox, type EntryRef, type OutboxHalt, type OutboxItem } from './outbox';
import { OutboxPanel } from './outbox-panel';
import type { PageShell } from './page-shell';
import { EntryEditor } from './entry-editor';
import { sectionsFor, type Section, type SectionContext } from './participant-sections';
import { saveSession, type ParticipantSession } from './participant-session';
import { workshopApi, type PublicWorkshop } from './workshop-api';
import { wt } from './workshop-i18n';
import { WorkshopLive } from './workshop-live';
import { WorkshopMap } from './workshop-map';

type Tab = 'add' | 'map';

export class ParticipantMain {
  private readonly root: HTMLElement;
  private readonly content = h('div', { class: 'participant-content' });
  private readonly banner = h('div', { class: 'state-banner', hidden: true, 'data-testid': 'workshop-state', role: 'status' });
  private readonly whoami = h('p', { class: 'whoami', 'data-testid': 'whoami' });
  private readonly mapPanel = h('div', { class: 'participant-map', 'data-testid': 'participant-map' });
  private readonly tabs = h('nav', { class: 'ws-tabs', role: 'tablist' });
  private readonly drafts: Drafts;
  private readonly mine: MyEntries;
  private readonly outbox: Outbox;
  private readonly outboxPanel: OutboxPanel;
  private readonly map: WorkshopMap;
  private workshopLive!: WorkshopLive;
  private sections: Section[] = [];
  private state: WorkshopState;
  private readonly editor: EntryEditor;
  private online: WorkshopPresence | null = null;
  private tab: Tab = 'add';
  private rejoining = false;

  constructor(
    private readonly shell: PageShell,
    private readonly info: PublicWorkshop,
    private session: ParticipantSession,
    private readonly rejoin: () => Promise<ParticipantSession>,
  ) {
    this.state = info.state;
    this.drafts = new Drafts(info.code);
    this.mine = new MyEntries(info.code);
    const idOf = (ref: EntryRef) => this.outbox.idOf(ref);
    this.editor = new EntryEditor({
      workspaceId: info.workspaceId,
      participantId: () => this.session.participantId,
      credentials: () => ({ token: this.session.token }),
      onSaved: (id, name) => {
        this.mine.replace(id, { id, name }, idOf);
        this.refresh();
      },
      onDeleted: (id) => {
        this.mine.replace(id, null, idOf);
        this.refresh();
      },
    });
    this.outbox = new Outbox(info.code, {
      send: async (item, ready, signal) => {
        const who = { token: this.session.token };
        const result =
          ready.kind === 'node'
            ? await workshopApi.createNode(info.workspaceId, ready.nodeType, ready.props, item.key, who, signal)
            : await workshopApi.createLink(info.workspaceId, ready.body, item.key, who, signal);
        return result.id;
      },
      onHalt: (halt) => this.onHalt(halt),
    });
    this.outboxPanel = new OutboxPanel(this.outbox, (dropped) => this.onDiscard(dropped));
    this.outbox.onChange(() => this.refresh());
    this.root = h('div', { class: 'participant' }, this.banner, this.whoami, this.tabs, this.content, this.mapPanel);
    // In the document (and shown) before the map is made: Cytoscape measures its container.
    this.mount();
    this.map = new WorkshopMap(this.mapPanel, info.workspaceId, {
      clearance: { x: 110, y: 48 },
      layoutSpacing: 1.4,
      follow: { maxZoom: 1.8 },
      onStatus: (status) => shell.setStatus(status),
      onChange: (change) => {
        // The facilitator merged or removed one of this participant's entries.
        const idOf = (ref: EntryRef) => this.outbox.idOf(ref);
        if (change.event === 'node:merged')
          this.mine.replace(change.mergedId, { id: change.node.id, name: String(change.node.name) }, idOf);
        if (change.event === 'node:deleted') this.mine.replace(change.node.id, null, idOf);
        this.refresh();
      },
    });
    onLanguageChange(() => this.build());
  }

  start(): void {
    this.build();
    this.workshopLive = new WorkshopLive(this.map.live.socket, this.info.code, () => ({ participantToken: this.session.token }), {
      onJoined: ({ workshop }) => this.setState(workshop.state),
      onJoinFailed: (failure) => {
        if (failure.code === 'INVALID_PARTICIPANT_TOKEN' || failure.code === 'OTHER_WORKSHOP') void this.joinAgain();
        else if (failure.code === 'WORKSHOP_CLOSED' || failure.code === 'WORKSHOP_ENDED') this.setState('closed');
      },
      onPresence: (presence) => {
        this.online = presence;
        this.renderWhoami();
      },
      onState: (change) => this.setState(change.state),
      onReconnect: () => void this.outbox.flush(true),
    });
    window.addEventListener('online', () => void this.outbox.flush(true));
    window.addEventListener('offline', () => this.refresh());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void this.outbox.flush(true);
    });
    void this.map.start();
    // Whatever a previous visit left in the outbox goes now.
    void this.outbox.flush(true);
  }

  private mount(): void {
    replaceChildren(this.shell.main, this.root);
  }

  private may(type: WorkshopWriteType): boolean {
    return isAllowedWriteType(this.info, type);
  }

  private context(): SectionContext {
    return {
      workspaceId: this.info.workspaceId,
      defaultName: this.session.displayName,
      drafts: this.drafts,
      outbox: this.outbox,
      mine: this.mine,
      cy: () => this.map.cy,
      may: (type) => this.may(type),
      addNode: (section, nodeType, props) => this.addNode(section, nodeType, props),
      changed: () => {
        this.queueWantedLinks();
        this.refresh();
      },
      notice: (message) => this.shell.toasts.show(message),
      editor: this.editor,
    };
  }

  private addNode(section: SectionName, nodeType: NodeType, props: Record<string, unknown>): EntryRef {
    const name = String(props.name);
    const key = this.outbox.enqueue({ kind: 'node', nodeType, props }, name, section);
    return { key, name };
  }

  private queueWantedLinks(): void {
    for (const link of this.mine.takeWantedLinks(this.may('relationship'))) {
      this.outbox.enqueue(link, `${link.from.name} → ${link.to.name}`, 'links');
    }
  }

  /** Builds the page's text in the current language (drafts keep what was typed). */
  private build(): void {
    this.shell.title.textContent = this.info.title;
    this.sections = sectionsFor(this.context());
    replaceChildren(
      this.tabs,
      ...(['add', 'map'] as const).map((tab) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: 'ws-tab',
            'aria-selected': String(tab === this.tab),
            'data-testid': `tab-${tab}`,
            onclick: () => this.showTab(tab),
          },
          wt(tab === 'add' ? 'tabs.add' : 'tabs.map'),
        ),
      ),
    );
    replaceChildren(
      this.content,
      this.outboxPanel.el,
      ...this.sections.map((s) => s.el),
      this.sections.length === 0 ? h('p', { class: 'ws-card hint' }, wt('participant.nothingAllowed')) : null,
    );
    this.showTab(this.tab);
    this.setState(this.state);
    this.refresh();
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    this.tabs
      .querySelectorAll<HTMLElement>('[role=tab]')
      .forEach((el) => el.setAttribute('aria-selected', String(el.dataset.testid === `tab-${tab}`)));
    this.content.hidden = tab !== 'add';
    this.mapPanel.hidden = tab !== 'map';
    this.root.classList.toggle('showing-map', tab === 'map');
    if (tab === 'map') requestAnimationFrame(() => this.map.fitAll(false));
  }

  private refresh(): void {
    for (const section of this.sections) section.refresh();
    this.outboxPanel.render();
    this.renderWhoami();
  }

  private renderWhoami(): void {
    const others = this.online ? this.online.online.filter((p) => p.role === 'participant').length : null;
    replaceChildren(
      this.whoami,
      wt('participant.youAre', { name: this.session.displayName }),
      others !== null
        ? h('span', { class: 'online-count', 'data-testid': 'online-count' }, ` · ${wt('participant.online', { count: others })}`)
        : null,
    );
  }

  private setState(state: WorkshopState): void {
    const changed = state !== this.state;
    this.state = state;
    this.banner.hidden = state === 'open';
    this.banner.dataset.state = state;
    this.banner.className = `state-banner ${state}`;
    this.banner.textContent = state === 'paused' ? wt('state.pausedHint') : state === 'closed' ? wt('state.closedHint') : '';
    for (const section of this.sections) section.setDisabled(state === 'closed');
    if (changed && state === 'open') void this.outbox.flush(true);
  }

  private onHalt(halt: OutboxHalt): void {
    if (halt === 'paused') this.setState('paused');
    else if (halt === 'closed') this.setState('closed');
    else if (halt === 'auth') void this.joinAgain();
    this.outboxPanel.render();
  }

  /** The token was refused: ask for the name again, then resend what is waiting. */
  private async joinAgain(): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = true;
    try {
      this.session = await this.rejoin();
      saveSession(this.session);
      this.mount();
      this.workshopLive.join();
      void this.outbox.flush(true);
    } finally {
      this.rejoining = false;
    }
  }

  /** A refused entry was discarded: forget it and give its text back to its section. */
  private onDiscard(dropped: OutboxItem[]): void {
    for (const item of dropped) {
      this.mine.forget(item.key);
      if (item.submission.kind !== 'node') continue;
      const section = this.sections.find((s) => s.name === item.section);
      section?.picker?.setText(item.label);
      if (item.section === 'me') this.drafts.set('me.name', item.label);
    }
    this.build();
  }
}
