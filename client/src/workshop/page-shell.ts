/**
 * The frame of every workshop page: replaces the map page's markup with a header (brand, title,
 * connection status, language) and a main area, and sets the language to the workshop's unless the
 * person chose one themselves.
 */
import { h, replaceChildren } from '../dom';
import { getLang, LANGUAGES, onLanguageChange, setLang, t, type Lang } from '../i18n';
import type { LiveStatus } from '../live';
import { StatusIndicator } from '../views/status-indicator';
import { Toasts } from '../views/toasts';
import './workshop.css';

export interface PageShell {
  root: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  actions: HTMLElement;
  main: HTMLElement;
  toasts: Toasts;
  setStatus(status: LiveStatus): void;
}

export function createPageShell(variant: 'participant' | 'facilitator' | 'projector'): PageShell {
  const title = h('h1', { class: 'ws-title', 'data-testid': 'page-title' });
  const subtitle = h('span', { class: 'ws-subtitle' });
  const statusEl = h('span', { class: 'live-status', 'data-testid': 'live-status' });
  const status = new StatusIndicator(statusEl);
  const langSelect = h('select', { class: 'lang', 'data-testid': 'language-switch', 'aria-label': t('app.language') });
  const renderLanguages = () =>
    replaceChildren(langSelect, ...LANGUAGES.map((lang) => h('option', { value: lang, selected: lang === getLang() }, t(`lang.${lang}`))));
  renderLanguages();
  langSelect.addEventListener('change', () => setLang(langSelect.value as Lang));
  onLanguageChange(() => {
    renderLanguages();
    status.render();
  });
  const actions = h('div', { class: 'ws-actions' });
  const header = h(
    'header',
    { class: 'ws-header' },
    h('a', { class: 'ws-brand', href: '/', 'aria-label': 'Verkosto' }, h('span', { class: 'ws-logo', 'aria-hidden': 'true' }), 'Verkosto'),
    h('div', { class: 'ws-heading' }, title, subtitle),
    actions,
    statusEl,
    langSelect,
  );
  const main = h('main', { class: 'ws-main' });
  const toastRoot = h('div', { class: 'toasts' });
  const root = h('div', { class: `ws-page ws-${variant}` }, header, main, toastRoot);
  document.body.replaceChildren(root);
  document.body.className = `ws-body ws-body-${variant}`;
  return { root, title, subtitle, actions, main, toasts: new Toasts(toastRoot), setStatus: (s) => status.set(s) };
}

const LANG_KEY = 'verkosto.lang';

/** Uses the workshop's language unless the person picked one (in the URL or earlier on this device). */
export function useWorkshopLanguage(language: Lang): void {
  try {
    if (new URLSearchParams(window.location.search).get('lang')) return;
    if (window.localStorage.getItem(LANG_KEY)) return;
  } catch {
    /* storage blocked: use the workshop's */
  }
  if (language === getLang()) return;
  setLang(language);
  // The workshop's choice, not the person's: the next workshop may be in another language.
  try {
    window.localStorage.removeItem(LANG_KEY);
  } catch {
    /* ignore */
  }
}
