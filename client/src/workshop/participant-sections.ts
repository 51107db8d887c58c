/**
 * The participant's sections: Me (themselves as a Person with a title), My organisation, My projects,
 * Who we work with (an existing organisation → COOPERATES_WITH, a project → PARTNER_IN) and Themes
 * (→ FOCUSES_ON). Each picks existing entries by type-ahead or adds new ones, and lists what this
 * participant has added with its state (saved, waiting to be sent, failed). Only the workshop's
 * allowed types are offered.
 */
import type { Core } from 'cytoscape';
import { ORGANISATION_TYPES, type NodeType } from '../../../domain/entities';
import type { WorkshopWriteType } from '../../../domain/workshops';
import { h, replaceChildren, svg, type Child } from '../dom';
import { valueLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import type { Drafts } from './drafts';
import { EntityPicker, type PickedEntity } from './entity-picker';
import type { MyEntries, SectionName } from './my-entries';
import type { EntryEditor } from './entry-editor';
import type { EntryRef, Outbox } from './outbox';
import { wt, type WorkshopMsgKey } from './workshop-i18n';

export interface SectionContext {
  workspaceId: string;
  defaultName: string;
  drafts: Drafts;
  outbox: Outbox;
  mine: MyEntries;
  cy(): Core | null;
  may(type: WorkshopWriteType): boolean;
  /** Queues a new node; its reference is usable at once (links wait for its id). */
  addNode(section: SectionName, nodeType: NodeType, props: Record<string, unknown>): EntryRef;
  /** After the participant's entries changed: queue the links they imply and redraw. */
  changed(): void;
  notice(message: string): void;
  /** Edits and deletes the participant's own saved entries. */
  editor: EntryEditor;
}

export interface Section {
  name: SectionName;
  el: HTMLElement;
  picker?: EntityPicker;
  refresh(): void;
  setDisabled(disabled: boolean): void;
}

const STATUS_KEYS: Record<'saved' | 'pending' | 'failed', WorkshopMsgKey> = {
  saved: 'entry.saved',
  pending: 'entry.pending',
  failed: 'entry.failed',
};
const STATUS_ICONS = { saved: '✓', pending: '⏳', failed: '⚠' };

function entryItem(ctx: SectionContext, ref: EntryRef, type: NodeType, detail?: string): HTMLElement {
  const status = ctx.outbox.statusOf(ref);
  const id = ctx.outbox.idOf(ref);
  const item: HTMLElement = h(
    'li',
    { class: `my-entry ${status}`, 'data-testid': 'my-entry', 'data-status': status, 'data-name': ref.name, 'data-type': type },
    svg(swatchSvg(type, 18)),
    h('span', { class: 'entry-name' }, ref.name, detail ? h('span', { class: 'entry-detail' }, ` · ${detail}`) : null),
    h(
      'span',
      { class: 'entry-status', title: wt(STATUS_KEYS[status]) },
      h('span', { 'aria-hidden': 'true' }, STATUS_ICONS[status]),
      ' ',
      wt(STATUS_KEYS[status]),
    ),
    status === 'saved' && id ? ctx.editor.button(id, type, () => item.parentElement ?? item) : null,
  );
  return item;
}

function sectionCard(name: SectionName, title: WorkshopMsgKey, hint: WorkshopMsgKey, ...body: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'ws-card entry-section', 'data-testid': `section-${name}`, 'aria-labelledby': `section-${name}-title` },
    h('h2', { id: `section-${name}-title` }, wt(title)),
    h('p', { class: 'hint' }, wt(hint)),
    ...body,
  );
}

function disableAll(root: HTMLElement, disabled: boolean): void {
  root.querySelectorAll('input, button, select').forEach((el) => ((el as HTMLInputElement).disabled = disabled));
}

/** Me: the participant as a Person, with a title (role) that also goes on their WORKS_AT link. */
export function meSection(ctx: SectionContext): Section {
  const list = h('ul', { class: 'my-entries' });
  const name = h('input', { type: 'text', id: 'me-name', autocomplete: 'name', maxlength: '300', 'data-testid': 'me-name' });
  const title = h('input', {
    type: 'text',
    id: 'me-title',
    autocomplete: 'organization-title',
    maxlength: '300',
    'data-testid': 'me-title',
  });
  ctx.drafts.bind(name, 'me.name');
  ctx.drafts.bind(title, 'me.title');
  if (!name.value) name.value = ctx.defaultName;
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { class: 'stack' },
    h('label', { for: 'me-name' }, wt('me.name')),
    name,
    h('label', { for: 'me-title' }, wt('me.title')),
    title,
    error,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'add-me' }, wt('me.add')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const personName = name.value.trim().normalize('NFC');
    if (!personName) {
      error.textContent = wt('me.nameRequired');
      return;
    }
    const personTitle = title.value.trim().normalize('NFC');
    const ref = ctx.addNode('me', 'Person', { name: personName, ...(personTitle ? { title: personTitle } : {}) });
    ctx.mine.state.person = { ...ref, ...(personTitle ? { title: personTitle } : {}) };
    ctx.mine.save();
    ctx.drafts.set('me.name', '');
    ctx.drafts.set('me.title', '');
    error.textContent = '';
    ctx.changed();
  });
  const el = sectionCard('me', 'me.heading', 'me.hint', list, form);
  return {
    name: 'me',
    el,
    refresh() {
      const person = ctx.mine.state.person;
      form.hidden = !!person;
      replaceChildren(list, person ? entryItem(ctx, person, 'Person', person.title) : null);
    },
    setDisabled: (disabled) => disableAll(el, disabled),
  };
}

/** My organisation: pick it (type-ahead) or add it with its type. */
export function organisationSection(ctx: SectionContext): Section {
  const list = h('ul', { class: 'my-entries' });
  const canCreate = ctx.may('Organisation');
  const orgType = h(
    'select',
    { id: 'org-type', 'data-testid': 'org-type' },
    ...ORGANISATION_TYPES.map((type) => h('option', { value: type, selected: type === 'other' }, valueLabel('orgType', type))),
  );
  ctx.drafts.bind(orgType, 'organisation.orgType');
  const picker = new EntityPicker({
    testId: 'org-picker',
    workspaceId: ctx.workspaceId,
    types: ['Organisation'],
    createTypes: canCreate ? ['Organisation'] : [],
    placeholder: wt('organisation.placeholder'),
    drafts: ctx.drafts,
    draftKey: 'organisation.name',
    cy: ctx.cy,
    onPick: (entity) => {
      ctx.mine.state.organisation = { id: entity.id, name: entity.name };
      ctx.mine.save();
      ctx.changed();
    },
    onCreate: (name) => {
      ctx.mine.state.organisation = ctx.addNode('organisation', 'Organisation', { name, orgType: orgType.value || 'other' });
      ctx.mine.save();
      ctx.changed();
    },
  });
  // Where the organisation is: an existing city, linked LOCATED_IN (participants cannot add cities).
  const cityPicker = ctx.may('relationship')
    ? new EntityPicker({
        testId: 'city-picker',
        workspaceId: ctx.workspaceId,
        types: ['City'],
        createTypes: [],
        placeholder: wt('organisation.cityPlaceholder'),
        drafts: ctx.drafts,
        draftKey: 'organisation.city',
        cy: ctx.cy,
        onPick: (entity) => {
          ctx.mine.state.city = { id: entity.id, name: entity.name };
          ctx.mine.save();
          ctx.changed();
        },
        onCreate: () => undefined,
      })
    : null;
  const cityField = cityPicker ? h('div', { class: 'stack' }, h('label', {}, wt('organisation.city')), cityPicker.root) : null;
  const change = h(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-testid': 'change-organisation',
      onclick: () => {
        delete ctx.mine.state.organisation;
        delete ctx.mine.state.city;
        ctx.mine.save();
        ctx.changed();
      },
    },
    wt('organisation.change'),
  );
  const typeField = canCreate ? h('div', { class: 'stack' }, h('label', { for: 'org-type' }, wt('organisation.type')), orgType) : null;
  const editor = h('div', { class: 'stack' }, picker.root, typeField);
  const el = sectionCard('organisation', 'organisation.heading', 'organisation.hint', list, editor, cityField);
  return {
    name: 'organisation',
    el,
    picker,
    refresh() {
      const { organisation: org, city } = ctx.mine.state;
      editor.hidden = !!org;
      if (cityField) cityField.hidden = !!city;
      replaceChildren(
        list,
        org ? entryItem(ctx, org, 'Organisation') : null,
        city ? entryItem(ctx, city, 'City') : null,
        org || city ? h('li', { class: 'entry-actions' }, change) : null,
      );
    },
    setDisabled: (disabled) => {
      picker.setDisabled(disabled);
      cityPicker?.setDisabled(disabled);
      disableAll(el, disabled);
    },
  };
}

interface ListSectionSpec {
  name: 'projects' | 'partners' | 'themes';
  title: WorkshopMsgKey;
  hint: WorkshopMsgKey;
  placeholder: WorkshopMsgKey;
  types: NodeType[];
  /** Hint shown while the links of this section cannot be made yet. */
  waitingHint?(): WorkshopMsgKey | null;
  newProps(type: NodeType, name: string): Record<string, unknown>;
}

/** A section listing several entries: projects, partners, themes. */
function listSection(ctx: SectionContext, spec: ListSectionSpec): Section {
  const list = h('ul', { class: 'my-entries' });
  const waiting = h('p', { class: 'hint waiting', hidden: true });
  const add = (ref: EntryRef, type: NodeType) => {
    if (ctx.mine.has(spec.name, ref, (r) => ctx.outbox.idOf(r))) {
      ctx.notice(wt('entry.already', { name: ref.name }));
      return;
    }
    if (spec.name === 'partners') ctx.mine.state.partners.push({ ...ref, nodeType: type as 'Organisation' | 'Project' });
    else ctx.mine.state[spec.name].push(ref);
    ctx.mine.save();
    ctx.changed();
  };
  const picker = new EntityPicker({
    testId: `${spec.name}-picker`,
    workspaceId: ctx.workspaceId,
    types: spec.types,
    createTypes: spec.types.filter((type) => ctx.may(type as WorkshopWriteType)),
    placeholder: wt(spec.placeholder),
    drafts: ctx.drafts,
    draftKey: `${spec.name}.name`,
    cy: ctx.cy,
    onPick: (entity: PickedEntity) => add({ id: entity.id, name: entity.name }, entity.type),
    onCreate: (name, type) => add(ctx.addNode(spec.name, type, spec.newProps(type, name)), type),
  });
  const el = sectionCard(spec.name, spec.title, spec.hint, list, waiting, picker.root);
  const typeOf = (ref: EntryRef): NodeType =>
    spec.name === 'partners' ? (ref as EntryRef & { nodeType: NodeType }).nodeType : spec.types[0]!;
  return {
    name: spec.name,
    el,
    picker,
    refresh() {
      replaceChildren(list, ...ctx.mine.state[spec.name].map((ref) => entryItem(ctx, ref, typeOf(ref))));
      const hint = spec.waitingHint?.() ?? null;
      waiting.hidden = !hint || ctx.mine.state[spec.name].length === 0;
      waiting.textContent = hint ? wt(hint) : '';
    },
    setDisabled: (disabled) => {
      picker.setDisabled(disabled);
      disableAll(el, disabled);
    },
  };
}

export function projectsSection(ctx: SectionContext): Section {
  return listSection(ctx, {
    name: 'projects',
    title: 'projects.heading',
    hint: 'projects.hint',
    placeholder: 'projects.placeholder',
    types: ['Project'],
    waitingHint: () => (!ctx.mine.state.organisation && !ctx.mine.state.person ? 'projects.waiting' : null),
    newProps: (_type, name) => ({ name }),
  });
}

export function partnersSection(ctx: SectionContext): Section {
  return listSection(ctx, {
    name: 'partners',
    title: 'partners.heading',
    hint: 'partners.hint',
    placeholder: 'partners.placeholder',
    types: ['Organisation', 'Project'],
    waitingHint: () => (!ctx.mine.state.organisation && !ctx.mine.state.person ? 'partners.waiting' : null),
    newProps: (type, name) => (type === 'Organisation' ? { name, orgType: 'other' } : { name }),
  });
}

export function themesSection(ctx: SectionContext): Section {
  return listSection(ctx, {
    name: 'themes',
    title: 'themes.heading',
    hint: 'themes.hint',
    placeholder: 'themes.placeholder',
    types: ['Theme'],
    waitingHint: () => (!ctx.mine.state.organisation ? 'themes.waiting' : null),
    newProps: (_type, name) => ({ name, kind: 'topic' }),
  });
}

/** The sections this workshop offers, in page order. */
export function sectionsFor(ctx: SectionContext): Section[] {
  const links = ctx.may('relationship');
  const sections: Section[] = [];
  if (ctx.may('Person')) sections.push(meSection(ctx));
  if (ctx.may('Organisation') || links) sections.push(organisationSection(ctx));
  if (ctx.may('Project') || links) sections.push(projectsSection(ctx));
  if (links) sections.push(partnersSection(ctx));
  if (ctx.may('Theme') || links) sections.push(themesSection(ctx));
  return sections;
}
