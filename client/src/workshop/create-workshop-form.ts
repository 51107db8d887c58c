/**
 * /workshop/new?workspace=: the facilitator creates a workshop on a workspace — title, language, end
 * time and what participants may add — and goes on to its facilitation page.
 */
import { WORKSHOP_LANGUAGES, WORKSHOP_WRITE_TYPES, type WorkshopLanguage, type WorkshopWriteType } from '../../../domain/workshops';
import { api, ApiError, errorMessage, type WorkspaceInfo } from '../api';
import { h, replaceChildren } from '../dom';
import { getLang, onLanguageChange, t, typeLabel } from '../i18n';
import { storageKey, writeJson } from './local-store';
import type { PageShell } from './page-shell';
import { facilitatePath } from './routes';
import { workshopApi } from './workshop-api';
import { wt } from './workshop-i18n';

const DEFAULT_HOURS = 3;

/** A datetime-local value (local time, minutes) some hours from now, on a quarter hour. */
function defaultEnd(): string {
  const d = new Date(Date.now() + DEFAULT_HOURS * 3600_000);
  d.setMinutes(Math.ceil(d.getMinutes() / 15) * 15, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function workspaces(): Promise<WorkspaceInfo[]> {
  try {
    const result = await api.workspaces();
    return Array.isArray(result) ? result : result.items;
  } catch {
    return [];
  }
}

const writeTypeLabel = (type: WorkshopWriteType) => (type === 'relationship' ? wt('create.links') : typeLabel(type));

export async function showCreateWorkshopForm(shell: PageShell, workspaceId: string | null): Promise<void> {
  const known = await workspaces();
  const values = {
    workspaceId: workspaceId ?? known[0]?.id ?? '',
    title: '',
    language: getLang() as WorkshopLanguage,
    endsAt: defaultEnd(),
    allowed: new Set<WorkshopWriteType>(WORKSHOP_WRITE_TYPES),
  };
  const render = () => {
    shell.title.textContent = wt('create.title');
    const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'create-error' });
    const workspaceField =
      known.length > 0
        ? h(
            'select',
            { id: 'ws-workspace', 'data-testid': 'ws-workspace' },
            ...(known.some((w) => w.id === values.workspaceId) || !values.workspaceId
              ? []
              : [h('option', { value: values.workspaceId, selected: true }, values.workspaceId)]),
            ...known.map((w) => h('option', { value: w.id, selected: w.id === values.workspaceId }, w.name || w.id)),
          )
        : h('input', { id: 'ws-workspace', type: 'text', required: true, value: values.workspaceId, 'data-testid': 'ws-workspace' });
    workspaceField.addEventListener('change', () => (values.workspaceId = workspaceField.value));
    const title = h('input', {
      id: 'ws-title',
      type: 'text',
      required: true,
      maxlength: '200',
      value: values.title,
      'data-testid': 'ws-title',
    });
    title.addEventListener('input', () => (values.title = title.value));
    const language = h(
      'select',
      { id: 'ws-language', 'data-testid': 'ws-language' },
      ...WORKSHOP_LANGUAGES.map((lang) => h('option', { value: lang, selected: lang === values.language }, t(`lang.${lang}`))),
    );
    language.addEventListener('change', () => (values.language = language.value as WorkshopLanguage));
    const endsAt = h('input', {
      id: 'ws-ends-at',
      type: 'datetime-local',
      required: true,
      value: values.endsAt,
      'data-testid': 'ws-ends-at',
    });
    endsAt.addEventListener('input', () => (values.endsAt = endsAt.value));
    const types = h(
      'fieldset',
      { class: 'types' },
      h('legend', {}, wt('create.allowed')),
      ...WORKSHOP_WRITE_TYPES.map((type) => {
        const box = h('input', { type: 'checkbox', checked: values.allowed.has(type), 'data-testid': `ws-allowed-${type}` });
        box.addEventListener('change', () => (box.checked ? values.allowed.add(type) : values.allowed.delete(type)));
        return h('label', { class: 'check' }, box, h('span', {}, writeTypeLabel(type)));
      }),
    );
    const submit = h('button', { type: 'submit', class: 'primary big', 'data-testid': 'ws-create-submit' }, wt('create.submit'));
    const form = h(
      'form',
      { class: 'ws-card create-card', 'data-testid': 'create-workshop-form' },
      h('h2', {}, wt('create.title')),
      h('label', { for: 'ws-workspace' }, t('app.workspace')),
      workspaceField,
      h('label', { for: 'ws-title' }, wt('create.workshopTitle')),
      title,
      h(
        'div',
        { class: 'two-columns' },
        h('div', { class: 'stack' }, h('label', { for: 'ws-language' }, wt('create.language')), language),
        h('div', { class: 'stack' }, h('label', { for: 'ws-ends-at' }, wt('create.endsAt')), endsAt),
      ),
      types,
      error,
      submit,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!values.workspaceId.trim() || !values.title.trim()) {
        error.textContent = wt('create.missing');
        return;
      }
      if (values.allowed.size === 0) {
        error.textContent = wt('create.allowSomething');
        return;
      }
      const ends = new Date(values.endsAt);
      if (Number.isNaN(ends.getTime())) {
        error.textContent = wt('create.badEnd');
        return;
      }
      submit.disabled = true;
      error.textContent = '';
      try {
        const created = await workshopApi.create(values.workspaceId.trim(), {
          title: values.title.trim(),
          language: values.language,
          endsAt: ends.toISOString(),
          allowedTypes: WORKSHOP_WRITE_TYPES.filter((type) => values.allowed.has(type)),
        });
        writeJson(storageKey(created.code, 'info'), created);
        window.location.assign(facilitatePath(created.code));
      } catch (err) {
        error.textContent =
          err instanceof ApiError && err.details.length ? err.details.map((d) => `${d.path}: ${d.message}`).join('; ') : errorMessage(err);
        submit.disabled = false;
      }
    });
    replaceChildren(shell.main, form);
  };
  render();
  onLanguageChange(render);
}
