/** The connection status badge: a coloured dot and a word (live, syncing, reconnecting, offline). */
import type { LiveStatus } from '../live';
import { t, type MsgKey } from '../i18n';

const LABELS: Record<LiveStatus, MsgKey> = {
  connecting: 'live.connecting',
  syncing: 'live.syncing',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
  offline: 'live.offline',
};

export class StatusIndicator {
  private status: LiveStatus = 'connecting';

  constructor(private readonly root: HTMLElement) {
    root.setAttribute('role', 'status');
    this.render();
  }

  set(status: LiveStatus): void {
    this.status = status;
    this.render();
  }

  render(): void {
    this.root.dataset.status = this.status;
    this.root.title = t('live.status');
    this.root.replaceChildren();
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'status-label';
    label.textContent = t(LABELS[this.status]);
    this.root.append(dot, label);
  }
}
