/**
 * What a participant has typed but not yet sent, per workshop and field, in localStorage: a reload, a
 * crash or a language switch (which rebuilds the page) never loses it.
 */
import { readJson, storageKey, writeJson } from './local-store';

export class Drafts {
  private readonly key: string;
  private values: Record<string, string>;

  constructor(code: string) {
    this.key = storageKey(code, 'drafts');
    this.values = readJson<Record<string, string>>(this.key) ?? {};
  }

  get(field: string): string {
    return this.values[field] ?? '';
  }

  set(field: string, value: string): void {
    if (value) this.values[field] = value;
    else delete this.values[field];
    writeJson(this.key, this.values);
  }

  /** Restores an input's text and keeps saving it as it changes. */
  bind(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, field: string): void {
    const saved = this.get(field);
    if (saved) input.value = saved;
    input.addEventListener('input', () => this.set(field, input.value));
    input.addEventListener('change', () => this.set(field, input.value));
  }
}
