/**
 * What is waiting to be sent and why (offline, paused), and what the server refused, with "try again"
 * and "discard" (which gives the typed text back to its section's input).
 */
import { h, replaceChildren } from '../dom';
import type { Outbox, OutboxItem } from './outbox';
import { wt } from './workshop-i18n';

export class OutboxPanel {
  readonly el: HTMLElement;

  constructor(
    private readonly outbox: Outbox,
    private readonly onDiscard: (dropped: OutboxItem[]) => void,
  ) {
    this.el = h('section', { class: 'outbox', 'data-testid': 'outbox', 'aria-live': 'polite' });
    this.render();
  }

  render(): void {
    const pending = this.outbox.pending();
    const failed = this.outbox.failed();
    const halt = this.outbox.halt;
    this.el.dataset.pending = String(pending.length);
    this.el.dataset.failed = String(failed.length);
    this.el.dataset.halt = halt ?? 'none';
    this.el.hidden = pending.length === 0 && failed.length === 0;
    const waiting =
      pending.length === 0
        ? null
        : halt === 'offline'
          ? wt('outbox.offline', { count: pending.length })
          : halt === 'paused'
            ? wt('outbox.paused', { count: pending.length })
            : halt === 'closed'
              ? wt('outbox.closed', { count: pending.length })
              : halt === 'auth'
                ? wt('outbox.auth', { count: pending.length })
                : wt('outbox.sending', { count: pending.length });
    replaceChildren(
      this.el,
      waiting ? h('p', { class: `outbox-waiting ${halt ?? 'sending'}`, 'data-testid': 'outbox-waiting' }, waiting) : null,
      failed.length
        ? h(
            'ul',
            { class: 'outbox-failed' },
            ...failed.map((item) =>
              h(
                'li',
                { 'data-testid': 'outbox-failed', 'data-key': item.key },
                h('p', {}, h('strong', {}, item.label), ': ', this.reason(item)),
                h(
                  'div',
                  { class: 'row-buttons' },
                  h(
                    'button',
                    { type: 'button', class: 'secondary', 'data-testid': 'outbox-retry', onclick: () => this.outbox.retry(item.key) },
                    wt('outbox.retry'),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'danger',
                      'data-testid': 'outbox-discard',
                      onclick: () => this.onDiscard(this.outbox.discard(item.key)),
                    },
                    wt('outbox.discard'),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  }

  private reason(item: OutboxItem): string {
    const error = item.error;
    if (!error) return '';
    switch (error.code) {
      case 'TYPE_NOT_ALLOWED':
        return wt('error.typeNotAllowed');
      case 'DEPENDENCY_FAILED':
      case 'DEPENDENCY_MISSING':
        return wt('error.dependency', { name: error.message });
      case 'VALIDATION_FAILED':
      case 'INVALID_BODY':
        return wt('error.invalid', { message: error.message });
      default:
        return `${error.message} (${error.code})`;
    }
  }
}
