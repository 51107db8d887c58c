/**
 * Sign-in for facilitators: resolves with the signed-in user at once when the session cookie is
 * valid, otherwise after the person signs in or creates an account in the form.
 */
import { ApiError, errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { onLanguageChange } from '../i18n';
import type { PageShell } from './page-shell';
import { workshopApi, type FacilitatorUser } from './workshop-api';
import { wt } from './workshop-i18n';

export async function ensureSignedIn(shell: PageShell): Promise<FacilitatorUser> {
  try {
    return (await workshopApi.currentUser()).user;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
  }
  return new Promise((resolve) => {
    let mode: 'login' | 'register' = 'login';
    const values = { email: '', password: '', displayName: '' };
    const render = () => {
      const field = (name: keyof typeof values, label: string, type: string, autocomplete: string) => {
        const input = h('input', {
          id: `auth-${name}`,
          name,
          type,
          autocomplete,
          required: true,
          value: values[name],
          'data-testid': `auth-${name}`,
        });
        input.addEventListener('input', () => (values[name] = input.value));
        return h('div', { class: 'stack' }, h('label', { for: `auth-${name}` }, label), input);
      };
      const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'auth-error' });
      const submit = h(
        'button',
        { type: 'submit', class: 'primary big', 'data-testid': 'auth-submit' },
        wt(mode === 'login' ? 'auth.signIn' : 'auth.register'),
      );
      const form = h(
        'form',
        { class: 'ws-card auth-card', 'data-testid': 'auth-form', 'data-mode': mode },
        h('h2', {}, wt(mode === 'login' ? 'auth.signInTitle' : 'auth.registerTitle')),
        h('p', { class: 'hint' }, wt('auth.why')),
        mode === 'register' ? field('displayName', wt('auth.name'), 'text', 'name') : null,
        field('email', wt('auth.email'), 'email', 'email'),
        field('password', wt('auth.password'), 'password', mode === 'login' ? 'current-password' : 'new-password'),
        mode === 'register' ? h('p', { class: 'hint' }, wt('auth.passwordHint')) : null,
        error,
        submit,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-testid': mode === 'login' ? 'auth-mode-register' : 'auth-mode-login',
            onclick: () => {
              mode = mode === 'login' ? 'register' : 'login';
              render();
            },
          },
          wt(mode === 'login' ? 'auth.toRegister' : 'auth.toSignIn'),
        ),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        submit.disabled = true;
        error.textContent = '';
        try {
          const { user } =
            mode === 'login'
              ? await workshopApi.login({ email: values.email.trim(), password: values.password })
              : await workshopApi.register({
                  email: values.email.trim(),
                  password: values.password,
                  displayName: values.displayName.trim(),
                });
          unsubscribe();
          resolve(user);
        } catch (err) {
          error.textContent =
            err instanceof ApiError && err.code === 'INVALID_CREDENTIALS'
              ? wt('auth.invalid')
              : err instanceof ApiError && err.details.length
                ? err.details.map((d) => `${d.path}: ${d.message}`).join('; ')
                : errorMessage(err);
          submit.disabled = false;
        }
      });
      replaceChildren(shell.main, form);
    };
    const unsubscribe = onLanguageChange(render);
    render();
  });
}

/** The signed-in facilitator's name and a sign-out button in the page header. */
export function showUser(shell: PageShell, user: FacilitatorUser): void {
  const render = () =>
    replaceChildren(
      shell.actions,
      h('span', { class: 'ws-user', 'data-testid': 'signed-in-as' }, user.displayName),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-testid': 'sign-out',
          onclick: async () => {
            await workshopApi.logout().catch(() => undefined);
            window.location.reload();
          },
        },
        wt('auth.signOut'),
      ),
    );
  render();
  onLanguageChange(render);
}
