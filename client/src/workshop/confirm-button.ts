/**
 * A button that asks once more in place ("Remove" → "Confirm removal") before acting: works the same
 * with touch, mouse and keyboard, and needs no modal dialog. With a key, the armed state outlives the
 * button, so a list redrawn by a live change between the two clicks does not lose it.
 */
import { h } from '../dom';

const ARMED_MS = 4000;
/** Keys of armed buttons and until when they stay armed. */
const armedUntil = new Map<string, number>();

export interface ConfirmButtonOptions {
  label: string;
  confirmLabel: string;
  testId: string;
  /** What the button acts on (e.g. an entry id), to stay armed across redraws. */
  key?: string;
  className?: string;
  action(): Promise<void> | void;
}

export function confirmButton(opts: ConfirmButtonOptions): HTMLButtonElement {
  const key = opts.key ?? `${opts.testId}:${Math.random()}`;
  const button = h('button', { type: 'button', class: opts.className ?? 'danger', 'data-testid': opts.testId });
  let timer: number | undefined;
  const show = (armed: boolean) => {
    button.textContent = armed ? opts.confirmLabel : opts.label;
    button.classList.toggle('armed', armed);
    if (armed) button.dataset.armed = 'true';
    else delete button.dataset.armed;
  };
  const isArmed = () => (armedUntil.get(key) ?? 0) > Date.now();
  const arm = (ms: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      armedUntil.delete(key);
      show(false);
    }, ms);
    show(true);
  };
  if (isArmed()) arm(armedUntil.get(key)! - Date.now());
  else show(false);
  button.addEventListener('click', async () => {
    if (!isArmed()) {
      armedUntil.set(key, Date.now() + ARMED_MS);
      arm(ARMED_MS);
      return;
    }
    armedUntil.delete(key);
    window.clearTimeout(timer);
    show(false);
    button.disabled = true;
    try {
      await opts.action();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
