/** Short messages at the bottom of the screen (saved, failed, caught up...). */
import { h } from '../dom';

export type ToastKind = 'info' | 'success' | 'error';

export class Toasts {
  constructor(private readonly root: HTMLElement) {
    root.setAttribute('aria-live', 'polite');
  }

  /** `onClick`: what clicking the toast does besides closing it (e.g. show an insight on the map). */
  show(message: string, kind: ToastKind = 'info', ms = kind === 'error' ? 7000 : 3500, onClick?: () => void): void {
    const toast = h('div', { class: `toast ${kind}${onClick ? ' clickable' : ''}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'toast' }, message);
    toast.addEventListener('click', () => {
      toast.remove();
      onClick?.();
    });
    this.root.append(toast);
    while (this.root.children.length > 4) this.root.firstElementChild?.remove();
    window.setTimeout(() => toast.remove(), ms);
  }
}
