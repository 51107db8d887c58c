/**
 * Editing one's own entry from the phone: an inline form under the entry (name and description) that
 * saves with the version it was based on, so a change someone else made meanwhile is not overwritten
 * (409: the form shows the latest and asks again), and a delete. The server decides who may: an entry
 * added by someone else is 403 NOT_OWNER, which the form says before anyone types (createdBy).
 */
import type { NodeType } from '../../../domain/entities';
import { api, ApiError, errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { confirmButton } from './confirm-button';
import { workshopApi, type ParticipantCredentials } from './workshop-api';
import { wt } from './workshop-i18n';

export interface EntryEditorDeps {
  workspaceId: string;
  participantId(): string;
  credentials(): ParticipantCredentials;
  /** Saved: the entry's name may have changed. */
  onSaved(id: string, name: string): void;
  onDeleted(id: string): void;
}

export class EntryEditor {
  /** One form at a time, placed after the list of the entry being edited (lists are redrawn on live changes; it is not). */
  private readonly host = h('div', { class: 'entry-editor-host', hidden: true });

  constructor(private readonly deps: EntryEditorDeps) {}

  /** The ✎ button of an entry in `list`. */
  button(id: string, type: NodeType, list: () => HTMLElement): HTMLButtonElement {
    const open = () => {
      list().after(this.host);
      void this.open(id, type, this.host);
    };
    return h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        'data-testid': 'edit-entry',
        title: wt('entry.edit'),
        'aria-label': wt('entry.edit'),
        onclick: open,
      },
      '✎',
    ) as HTMLButtonElement;
  }

  private async open(id: string, type: NodeType, host: HTMLElement, notice?: string): Promise<void> {
    host.hidden = false;
    replaceChildren(host, h('p', { class: 'hint' }, wt('entry.loading')));
    let node;
    try {
      node = (await api.getNode(this.deps.workspaceId, type, id)).node;
    } catch (err) {
      replaceChildren(host, h('p', { class: 'error' }, errorMessage(err)), this.closeButton(host));
      return;
    }
    if (node.createdBy !== this.deps.participantId()) {
      replaceChildren(host, h('p', { class: 'hint', 'data-testid': 'edit-not-owner' }, wt('entry.notYours')), this.closeButton(host));
      return;
    }
    const name = h('input', {
      type: 'text',
      maxlength: '300',
      required: true,
      value: String(node.name ?? ''),
      'data-testid': 'edit-name',
    }) as HTMLInputElement;
    const description = h(
      'textarea',
      { maxlength: '5000', rows: '3', 'data-testid': 'edit-description' },
      String(node.description ?? ''),
    ) as HTMLTextAreaElement;
    const message = h('p', { class: notice ? 'warning' : 'hint', 'data-testid': 'edit-message', hidden: !notice }, notice ?? '');
    const version = Number(node.version);
    const form = h(
      'form',
      {
        class: 'entry-editor',
        'data-testid': 'entry-editor',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.save(id, type, host, version, { name: name.value.trim(), description: description.value.trim() || null }, message);
        },
      },
      h('label', {}, wt('entry.name'), name),
      h('label', {}, wt('entry.description'), description),
      message,
      h(
        'div',
        { class: 'row-buttons' },
        h('button', { type: 'submit', class: 'primary', 'data-testid': 'edit-save' }, wt('entry.save')),
        confirmButton({
          testId: 'edit-delete',
          label: wt('entry.delete'),
          confirmLabel: wt('entry.deleteConfirm'),
          action: () => this.remove(id, type, host, message),
        }),
        this.closeButton(host),
      ),
    );
    replaceChildren(host, form);
    name.focus();
  }

  private async save(
    id: string,
    type: NodeType,
    host: HTMLElement,
    baseVersion: number,
    patch: { name: string; description: string | null },
    message: HTMLElement,
  ) {
    try {
      const result = await workshopApi.updateNode(this.deps.workspaceId, type, id, patch, baseVersion, this.deps.credentials());
      this.close(host);
      this.deps.onSaved(id, String(result.node?.name ?? patch.name));
    } catch (err) {
      // Someone changed it since the form was filled: show the latest and let the participant decide.
      if (err instanceof ApiError && err.status === 409) return void this.open(id, type, host, wt('entry.changedMeanwhile'));
      message.hidden = false;
      message.textContent = errorMessage(err);
    }
  }

  private async remove(id: string, type: NodeType, host: HTMLElement, message: HTMLElement) {
    try {
      await workshopApi.deleteNode(this.deps.workspaceId, type, id, this.deps.credentials());
      this.close(host);
      this.deps.onDeleted(id);
    } catch (err) {
      message.hidden = false;
      message.textContent = errorMessage(err);
    }
  }

  private closeButton(host: HTMLElement): HTMLElement {
    return h('button', { type: 'button', 'data-testid': 'edit-cancel', onclick: () => this.close(host) }, wt('entry.cancel'));
  }

  private close(host: HTMLElement): void {
    replaceChildren(host);
    host.hidden = true;
  }
}
