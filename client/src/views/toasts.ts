/** Short messages at the bottom of the screen (saved, failed, caught up...). */
import { h } from '../dom';

export type ToastKind = 'info' | 'success' | 'error';

export class Toasts {
  constructor(private readonly root: HTMLElement) {
    root.setAttribute('aria-live', 'polite');
  }

  show(message: string, kind: ToastKind = 'info', ms = kind === 'error' ? 7000 : 3500): void {
    const toast = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'toast' }, message);
    toast.addEventListener('click', () => toast.remove());
    this.root.append(toast);
    while (this.root.children.length > 4) this.root.firstElementChild?.remove();
    window.setTimeout(() => toast.remove(), ms);
  }
}
