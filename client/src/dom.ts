/** Small DOM helpers: element creation without innerHTML for data, lookups that fail loudly. */

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

/** Properties set on the element instead of as attributes (so forms reflect them). */
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden']);

/** Creates an element: `on*` keys add listeners, `class` sets className, false/null/undefined are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === null || value === undefined || value === false) {
      if (PROPS.has(key)) (el as unknown as Record<string, unknown>)[key] = false;
    } else if (key === 'class') {
      el.className = String(value);
    } else if (PROPS.has(key)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
}

/** A trusted, static SVG string (from our own code, never from data) as a DOM node. */
export function svg(markup: string): Element {
  const tpl = document.createElement('template');
  tpl.innerHTML = markup.trim();
  return tpl.content.firstElementChild ?? document.createElement('span');
}

/** Calls fn at most once per `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: number | undefined;
  return (...args: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
}

/** Sorts by a name in the current locale's collation. */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  const collator = new Intl.Collator(document.documentElement.lang || 'fi', { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(name(a), name(b));
}
