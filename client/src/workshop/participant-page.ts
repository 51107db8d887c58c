/**
 * /join and /join/:code: the participant enters the code (or comes from the link or QR code), types a
 * display name and joins; the token is kept per code, so a reload goes straight back in. Then the
 * phone-first page of sections (participant-main.ts).
 */
import { WORKSHOP_CODE_PATTERN, normaliseWorkshopCode } from '../../../domain/workshops';
import { ApiError, errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { onLanguageChange } from '../i18n';
import { Drafts } from './drafts';
import { readJson, storageKey, writeJson } from './local-store';
import { createPageShell, useWorkshopLanguage, type PageShell } from './page-shell';
import { ParticipantMain } from './participant-main';
import { clearSession, loadSession, saveSession, type ParticipantSession } from './participant-session';
import { joinPath } from './routes';
import { workshopApi, type PublicWorkshop } from './workshop-api';
import { wt } from './workshop-i18n';

export async function startParticipantPage(code: string | null): Promise<void> {
  const shell = createPageShell('participant');
  if (!code) {
    showCodeForm(shell);
    return;
  }
  const info = await loadWorkshop(shell, code);
  if (!info) return;
  useWorkshopLanguage(info.language);
  shell.title.textContent = info.title;

  const stored = loadSession(code);
  const session = stored ? await checkSession(shell, code, stored) : null;
  if (session === undefined) return; // the workshop is over
  const joined = session ?? (await askName(shell, info));
  new ParticipantMain(shell, info, joined, () => askName(shell, info)).start();
}

/** The workshop's public info (cached, so the page opens offline too); null when there is none to show. */
async function loadWorkshop(shell: PageShell, code: string): Promise<PublicWorkshop | null> {
  const cacheKey = storageKey(code, 'info');
  for (;;) {
    try {
      const info = await workshopApi.info(code);
      writeJson(cacheKey, info);
      return info;
    } catch (err) {
      const cached = readJson<PublicWorkshop>(cacheKey);
      if (err instanceof ApiError && err.status === 404) {
        showCodeForm(shell, wt('join.notFound', { code }));
        return null;
      }
      if (err instanceof ApiError && err.status === 410) {
        showEnded(shell, cached?.title ?? code);
        return null;
      }
      if (cached) return cached;
      await showRetry(shell, errorMessage(err));
    }
  }
}

/** A stored session still valid? null: join again; undefined: the workshop is over. Offline: assume yes. */
async function checkSession(shell: PageShell, code: string, session: ParticipantSession): Promise<ParticipantSession | null | undefined> {
  try {
    await workshopApi.participantMe(code, session.token);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 410) {
      showEnded(shell, shell.title.textContent ?? code);
      return undefined;
    }
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      clearSession(code);
      return null;
    }
    return session;
  }
}

function showCodeForm(shell: PageShell, problem?: string): void {
  const render = () => {
    shell.title.textContent = wt('join.title');
    const input = h('input', {
      type: 'text',
      id: 'join-code',
      inputmode: 'text',
      autocapitalize: 'characters',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: '9',
      class: 'code-input',
      placeholder: 'ABC234',
      'data-testid': 'join-code-input',
    });
    const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'join-error' }, problem ?? '');
    const form = h(
      'form',
      { class: 'ws-card join-card', 'data-testid': 'join-code-form' },
      h('h2', {}, wt('join.enterCode')),
      h('label', { for: 'join-code' }, wt('join.codeLabel')),
      input,
      error,
      h('button', { type: 'submit', class: 'primary big', 'data-testid': 'join-code-submit' }, wt('join.continue')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const code = normaliseWorkshopCode(input.value);
      if (!WORKSHOP_CODE_PATTERN.test(code)) {
        error.textContent = wt('join.badCode');
        input.focus();
        return;
      }
      window.location.assign(joinPath(code));
    });
    replaceChildren(shell.main, form);
  };
  render();
  onLanguageChange(render);
}

function showEnded(shell: PageShell, title: string): void {
  shell.title.textContent = title;
  replaceChildren(
    shell.main,
    h(
      'section',
      { class: 'ws-card state-card closed', 'data-testid': 'workshop-ended' },
      h('h2', {}, wt('state.closed')),
      h('p', {}, wt('state.closedHint')),
    ),
  );
}

function showRetry(shell: PageShell, message: string): Promise<void> {
  return new Promise((resolve) => {
    replaceChildren(
      shell.main,
      h(
        'section',
        { class: 'ws-card' },
        h('p', {}, wt('join.loadFailed', { message })),
        h('button', { type: 'button', class: 'primary', onclick: () => resolve() }, wt('common.retry')),
      ),
    );
    window.addEventListener('online', () => resolve(), { once: true });
  });
}

/** The display name form; resolves once joined (the token is stored). */
export function askName(shell: PageShell, info: PublicWorkshop): Promise<ParticipantSession> {
  const drafts = new Drafts(info.code);
  return new Promise((resolve) => {
    const render = () => {
      const input = h('input', {
        type: 'text',
        id: 'display-name',
        autocomplete: 'name',
        autocapitalize: 'words',
        maxlength: '60',
        required: true,
        'data-testid': 'display-name-input',
      });
      drafts.bind(input, 'displayName');
      const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'join-error' });
      const submit = h('button', { type: 'submit', class: 'primary big', 'data-testid': 'join-submit' }, wt('join.join'));
      const form = h(
        'form',
        { class: 'ws-card join-card', 'data-testid': 'join-form' },
        h('p', { class: 'kicker' }, wt('join.welcome')),
        h('h2', {}, info.title),
        h('label', { for: 'display-name' }, wt('join.nameLabel')),
        input,
        h('p', { class: 'hint' }, wt('join.nameHint')),
        error,
        submit,
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const displayName = input.value.trim();
        if (!displayName) {
          error.textContent = wt('join.nameRequired');
          input.focus();
          return;
        }
        submit.disabled = true;
        error.textContent = '';
        try {
          const joined = await workshopApi.join(info.code, displayName);
          const session: ParticipantSession = { ...joined, code: info.code };
          saveSession(session);
          unsubscribe();
          resolve(session);
        } catch (err) {
          error.textContent =
            err instanceof ApiError && err.code === 'NETWORK'
              ? wt('join.offline')
              : err instanceof ApiError && err.status === 410
                ? wt('state.closedHint')
                : errorMessage(err);
          submit.disabled = false;
        }
      });
      replaceChildren(shell.main, form);
      input.focus();
    };
    const unsubscribe = onLanguageChange(render);
    render();
  });
}
