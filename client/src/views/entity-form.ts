/**
 * The add / edit form for organisations, projects, people (any node type when editing) and links.
 * Input is validated with the domain's zod schemas before anything is sent; field errors from the API
 * are shown next to their fields. A new organisation, project or person may be linked at once to its
 * city, lead organisation or employer.
 */
import type { NodeSingular } from 'cytoscape';
import { NODE_FIELDS, NODE_SCHEMAS, updateSchemaFor, type NodeType } from '../../../domain/entities';
import type { GraphEdge, GraphNode } from '../../../domain/graph';
import {
  RELATIONSHIP_ENDS,
  RELATIONSHIP_TYPES,
  RelationshipCreateSchema,
  RelationshipPropsSchema,
  RelationshipUpdateSchema,
  type RelationshipType,
} from '../../../domain/relationships';
import { api, ApiError, errorMessage } from '../api';
import { byName, h, replaceChildren } from '../dom';
import { relLabel, t, typeLabel, type MsgKey } from '../i18n';
import { FieldSet, fieldSpecs, issuesToErrors, setOptions, type FieldSpec, type Option } from './form-fields';
import { displayName, type GraphView } from './graph-view';
import type { LiveApplier } from './live-apply';

export const FORM_KINDS = ['organisation', 'project', 'person', 'link'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
type NodeKind = Exclude<FormKind, 'link'>;

const KIND_TYPES: Record<NodeKind, NodeType> = { organisation: 'Organisation', project: 'Project', person: 'Person' };

/** The link a new node can get in the same form: its city, its lead organisation, its employer. */
interface ExtraLink {
  field: string;
  label: MsgKey;
  relType: RelationshipType;
  candidates: NodeType;
  /** Whether the new node is the relationship's start (from) or end (to). */
  newNodeIs: 'from' | 'to';
  withRole?: boolean;
}
const EXTRA_LINKS: Partial<Record<NodeType, ExtraLink>> = {
  Organisation: { field: 'city', label: 'form.city', relType: 'LOCATED_IN', candidates: 'City', newNodeIs: 'from' },
  Project: { field: 'lead', label: 'form.lead', relType: 'LEADS', candidates: 'Organisation', newNodeIs: 'to' },
  Person: {
    field: 'organisation',
    label: 'form.organisation',
    relType: 'WORKS_AT',
    candidates: 'Organisation',
    newNodeIs: 'from',
    withRole: true,
  },
};

/** Relationship properties worth offering per type (all types get dates and a note). */
function propFieldsFor(type: RelationshipType | ''): string[] {
  const extra: string[] =
    type === 'SUPPLIES'
      ? ['material', 'tonnesPerYear']
      : type === 'FUNDS' || type === 'FUNDED_BY'
        ? ['amountEur']
        : type === 'OFFERS_TRAINING'
          ? ['level']
          : type === 'NEEDS'
            ? []
            : ['role'];
  return [...extra, 'startDate', 'endDate', 'note'];
}

/** Relationship types that may join a node of type `from` to one of type `to` (either may be unknown). */
export function allowedRelationships(from: NodeType | undefined, to: NodeType | undefined): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) => {
    const ends = RELATIONSHIP_ENDS[type];
    return (!from || ends.from.includes(from)) && (!to || ends.to.includes(to));
  });
}

type FormState =
  | { mode: 'create-node'; type: NodeType }
  | { mode: 'edit-node'; node: GraphNode }
  | { mode: 'create-link'; from?: string }
  | { mode: 'edit-link'; edge: GraphEdge };

export interface EntityFormDeps {
  workspaceId: string;
  view: GraphView;
  applier: LiveApplier;
  /** Called after a successful save with the saved element's id and a name for the message. */
  onSaved(id: string, name: string): void;
  onWarning(message: string): void;
}

export class EntityForm {
  private state: FormState = { mode: 'create-node', type: 'Organisation' };
  private fields: FieldSet | null = null;
  private linkFields: FieldSet | null = null;
  private props: FieldSet | null = null;
  private readonly form: HTMLFormElement;
  private readonly body: HTMLElement;
  private readonly formError: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly title: HTMLElement;
  private saving = false;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly deps: EntityFormDeps,
  ) {
    this.title = h('h2', { id: 'entity-form-title' });
    this.body = h('div', { class: 'form-body' });
    this.formError = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' });
    this.submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'form-submit' });
    this.cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'form-cancel', onclick: () => this.close() });
    this.closeButton = h('button', { type: 'button', class: 'icon', 'data-testid': 'form-close', onclick: () => this.close() }, '✕');
    this.form = h(
      'form',
      { novalidate: true, 'data-testid': 'entity-form', 'aria-labelledby': 'entity-form-title' },
      h('header', { class: 'form-head' }, this.title, this.closeButton),
      this.body,
      this.formError,
      h('footer', { class: 'form-foot' }, this.cancel, this.submit),
    );
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    replaceChildren(this.dialog, this.form);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  openCreate(kind: FormKind = 'organisation', from?: string): void {
    this.state = kind === 'link' ? { mode: 'create-link', from } : { mode: 'create-node', type: KIND_TYPES[kind] };
    this.open();
  }

  openEditNode(node: GraphNode): void {
    this.state = { mode: 'edit-node', node };
    this.open();
  }

  openEditEdge(edge: GraphEdge): void {
    this.state = { mode: 'edit-link', edge };
    this.open();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** Re-renders an open form after a language switch, keeping nothing typed (labels change). */
  relabel(): void {
    if (this.dialog.open) this.render();
  }

  private open(): void {
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    this.body.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea')?.focus();
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------------

  private render(): void {
    const s = this.state;
    this.title.textContent =
      s.mode === 'edit-node'
        ? t('form.editTitle', { name: displayName(s.node) })
        : s.mode === 'edit-link'
          ? t('form.editLinkTitle', { name: relLabel(s.edge.type) })
          : t('form.addTitle');
    this.submit.textContent = t('form.submit');
    this.cancel.textContent = t('form.cancel');
    this.closeButton.setAttribute('aria-label', t('app.close'));
    this.formError.textContent = '';
    this.fields = this.linkFields = this.props = null;

    const parts: HTMLElement[] = [];
    if (s.mode === 'create-node' || s.mode === 'create-link') parts.push(this.kindPicker());
    if (s.mode === 'create-node' || s.mode === 'edit-node') {
      const type = s.mode === 'create-node' ? s.type : s.node.type;
      this.fields = new FieldSet(fieldSpecs(NODE_FIELDS[type]), s.mode === 'edit-node' ? s.node : {});
      parts.push(this.fields.el);
      const extra = EXTRA_LINKS[type];
      if (s.mode === 'create-node' && extra) {
        const specs: FieldSpec[] = [
          { name: extra.field, kind: 'select', required: false, label: t(extra.label), options: this.nodeOptions([extra.candidates]) },
        ];
        if (extra.withRole) specs.push({ name: 'role', kind: 'text', required: false, label: t('form.role') });
        this.linkFields = new FieldSet(specs, {}, 'fx');
        parts.push(h('div', { class: 'extra-link' }, this.linkFields.el));
      }
    } else {
      parts.push(this.renderLinkFields());
    }
    replaceChildren(this.body, ...parts);
  }

  private kindPicker(): HTMLElement {
    const s = this.state;
    const current: FormKind =
      s.mode === 'create-link'
        ? 'link'
        : ((Object.keys(KIND_TYPES) as NodeKind[]).find((k) => s.mode === 'create-node' && KIND_TYPES[k] === s.type) ?? 'organisation');
    const from = s.mode === 'create-link' ? s.from : undefined;
    const select = h(
      'select',
      {
        id: 'form-kind',
        'data-testid': 'form-kind',
        onchange: (e) => this.openCreate((e.target as HTMLSelectElement).value as FormKind, from),
      },
      ...FORM_KINDS.map((kind) => h('option', { value: kind, selected: kind === current }, t(`form.kind.${kind}`))),
    );
    return h('div', { class: 'field kind' }, h('label', { for: 'form-kind' }, t('form.kind')), select);
  }

  /** Every node on the canvas of the given types (all types when none), grouped by type and sorted by name. */
  private nodeOptions(types?: readonly NodeType[]): Option[] {
    const nodes = this.deps.view.cy.nodes().filter((n) => !types || types.includes(n.data('type')));
    const compareNames = byName((o: Option) => o.label);
    return nodes
      .map((n: NodeSingular): Option & { type: string } => ({
        value: n.id(),
        label: String(n.data('label') ?? n.data('name')),
        group: typeLabel(n.data('type')),
        type: n.data('type'),
      }))
      .sort((a, b) => a.type.localeCompare(b.type) || compareNames(a, b))
      .map(({ value, label, group }) => ({ value, label, group }));
  }

  private typeOf(id: string | undefined): NodeType | undefined {
    return id ? (this.deps.view.node(id)?.data('type') as NodeType | undefined) : undefined;
  }

  private renderLinkFields(): HTMLElement {
    const s = this.state as Extract<FormState, { mode: 'create-link' | 'edit-link' }>;
    const editing = s.mode === 'edit-link';
    const from = editing ? s.edge.source : (s.from ?? '');
    const to = editing ? s.edge.target : '';
    const type = editing ? s.edge.type : '';
    this.linkFields = new FieldSet(
      [
        { name: 'from', kind: 'select', required: true, label: t('form.from'), options: this.nodeOptions(), disabled: editing },
        { name: 'to', kind: 'select', required: true, label: t('form.to'), options: [], disabled: editing },
        { name: 'type', kind: 'select', required: true, label: t('form.relType'), options: [], disabled: editing },
      ],
      { from },
      'fl',
    );
    const container = h('div', {}, this.linkFields.el);
    const fromSelect = this.linkFields.input('from') as HTMLSelectElement;
    const toSelect = this.linkFields.input('to') as HTMLSelectElement;
    const typeSelect = this.linkFields.input('type') as HTMLSelectElement;

    const propsSlot = h('div', { class: 'link-props' });
    let propsType: string | null = null;
    const renderProps = () => {
      const relType = typeSelect.value as RelationshipType | '';
      if (relType === propsType) return;
      propsType = relType;
      const typed = this.props?.read().values ?? (editing ? s.edge : {});
      this.props = new FieldSet(fieldSpecs(RelationshipPropsSchema, propFieldsFor(relType)), typed, 'fp');
      replaceChildren(propsSlot, this.props.el);
    };
    const refreshTo = () => {
      const fromType = this.typeOf(fromSelect.value);
      const reachable = new Set(allowedRelationships(fromType, undefined).flatMap((r) => RELATIONSHIP_ENDS[r].to));
      setOptions(
        toSelect,
        this.nodeOptions([...reachable]).filter((o) => o.value !== fromSelect.value),
        toSelect.value || to,
      );
    };
    const refreshTypes = () => {
      const allowed = allowedRelationships(this.typeOf(fromSelect.value), this.typeOf(toSelect.value));
      const previous = typeSelect.value || type;
      setOptions(
        typeSelect,
        allowed.map((r) => ({ value: r, label: relLabel(r) })),
        previous,
        allowed.length !== 1,
      );
      this.linkFields?.clearErrors();
      if (fromSelect.value && toSelect.value && allowed.length === 0) {
        this.linkFields?.showErrors({ type: t('form.endsInvalid', { type: typeLabel(this.typeOf(toSelect.value) ?? '') }) });
      }
      renderProps();
    };
    fromSelect.addEventListener('change', () => {
      refreshTo();
      refreshTypes();
    });
    toSelect.addEventListener('change', refreshTypes);
    typeSelect.addEventListener('change', renderProps);

    refreshTo();
    refreshTypes();
    container.append(propsSlot);
    return container;
  }

  // -------------------------------------------------------------------------------------------------
  // Saving
  // -------------------------------------------------------------------------------------------------

  private async save(): Promise<void> {
    if (this.saving) return;
    for (const set of [this.fields, this.linkFields, this.props]) set?.clearErrors();
    this.formError.textContent = '';
    this.setSaving(true);
    try {
      switch (this.state.mode) {
        case 'create-node':
          await this.createNode(this.state.type);
          break;
        case 'edit-node':
          await this.editNode(this.state.node);
          break;
        case 'create-link':
          await this.createLink();
          break;
        case 'edit-link':
          await this.editLink(this.state.edge);
          break;
      }
    } catch (err) {
      this.showApiError(err);
    } finally {
      this.setSaving(false);
    }
  }

  /** Shows errors next to fields (or above the buttons); returns false when there were any. */
  private report(errors: Record<string, string>): boolean {
    if (Object.keys(errors).length === 0) return true;
    let rest: Record<string, string> = errors;
    for (const set of [this.fields, this.linkFields, this.props]) if (set) rest = set.showErrors(rest);
    const general = Object.values(rest);
    this.formError.textContent = general.length ? general.join(' · ') : t('form.invalid');
    return false;
  }

  private async createNode(type: NodeType): Promise<void> {
    const { values, errors } = this.fields!.read();
    const parsed = NODE_SCHEMAS[type].safeParse(values);
    if (!this.report({ ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...errors }) || !parsed.success) return;

    const result = await api.createNode(this.deps.workspaceId, type, parsed.data as Record<string, unknown>);
    if (result.node) this.deps.applier.upsertNode(result.node);
    const name = String((parsed.data as { name: string }).name);

    const extra = EXTRA_LINKS[type];
    const link = this.linkFields?.read().values ?? {};
    const other = extra ? link[extra.field] : undefined;
    if (extra && typeof other === 'string') {
      const data = {
        type: extra.relType,
        from: extra.newNodeIs === 'from' ? result.id : other,
        to: extra.newNodeIs === 'from' ? other : result.id,
        ...(extra.withRole && link.role ? { role: link.role } : {}),
      };
      try {
        const edge = await api.createRelationship(this.deps.workspaceId, data);
        if (edge.edge) this.deps.applier.upsertEdge(edge.edge);
      } catch (err) {
        this.deps.onWarning(t('form.partial', { message: errorMessage(err) }));
      }
    }
    this.finish(result.id, name);
  }

  private async editNode(node: GraphNode): Promise<void> {
    const { values, errors } = this.fields!.read();
    const parsed = NODE_SCHEMAS[node.type].safeParse(values);
    if (!this.report({ ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...errors })) return;

    const patch = diff(node, values, this.fields!.names());
    if (Object.keys(patch).length === 0) {
      this.formError.textContent = t('form.noChanges');
      return;
    }
    const checked = updateSchemaFor(node.type).safeParse(patch);
    if (!checked.success) {
      this.report(issuesToErrors(checked.error.issues));
      return;
    }
    const result = await api.updateNode(this.deps.workspaceId, node.type, node.id, patch, node.version);
    if (result.node) this.deps.applier.upsertNode(result.node);
    this.finish(node.id, String(values.name ?? node.name));
  }

  private async createLink(): Promise<void> {
    const link = this.linkFields!.read();
    const props = this.props!.read();
    const data = { ...props.values, type: link.values.type, from: link.values.from, to: link.values.to };
    const parsed = RelationshipCreateSchema.safeParse(data);
    const errors = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...link.errors, ...props.errors };
    const fromType = this.typeOf(data.from as string);
    const toType = this.typeOf(data.to as string);
    if (parsed.success && !allowedRelationships(fromType, toType).includes(parsed.data.type)) {
      errors.type = t('form.endsInvalid', { type: typeLabel(toType ?? '') });
    }
    if (!this.report(errors) || !parsed.success) return;

    const result = await api.createRelationship(this.deps.workspaceId, parsed.data);
    if (result.edge) this.deps.applier.upsertEdge(result.edge);
    this.finish(result.id, relLabel(parsed.data.type));
  }

  private async editLink(edge: GraphEdge): Promise<void> {
    const { values, errors } = this.props!.read();
    if (!this.report(errors)) return;
    const patch = diff(edge, values, this.props!.names());
    if (Object.keys(patch).length === 0) {
      this.formError.textContent = t('form.noChanges');
      return;
    }
    // The whole link as it will be (for the cross-field rules) and the patch itself.
    const whole = RelationshipCreateSchema.safeParse({ ...values, type: edge.type, from: edge.source, to: edge.target });
    const checked = RelationshipUpdateSchema.safeParse(patch);
    const issues = [...(whole.success ? [] : whole.error.issues), ...(checked.success ? [] : checked.error.issues)];
    if (!this.report(issuesToErrors(issues))) return;

    const result = await api.updateRelationship(this.deps.workspaceId, edge.type, edge.id, patch);
    if (result.edge) this.deps.applier.upsertEdge(result.edge);
    this.finish(edge.id, relLabel(edge.type));
  }

  private finish(id: string, name: string): void {
    this.close();
    this.deps.onSaved(id, name);
  }

  private showApiError(err: unknown): void {
    if (err instanceof ApiError) {
      if (err.status === 409 || /CONFLICT/i.test(err.code)) {
        this.formError.textContent = t('form.conflict');
        return;
      }
      if (err.details.length) {
        const known = new Set([this.fields, this.linkFields, this.props].flatMap((set) => set?.names() ?? []));
        const errors: Record<string, string> = {};
        for (const detail of err.details) {
          const field =
            detail.path
              .split(/[./[\]]/)
              .filter(Boolean)
              .reverse()
              .find((segment) => known.has(segment)) ?? '_';
          errors[field] = errors[field] ? `${errors[field]}; ${detail.message}` : detail.message;
        }
        if (!this.report(errors)) {
          if (!errors._) this.formError.textContent = `${t('form.invalid')} (${err.message})`;
          return;
        }
      }
      this.formError.textContent = err.code === 'NETWORK' ? t('error.network') : t('error.generic', { message: errorMessage(err) });
      return;
    }
    this.formError.textContent = t('error.generic', { message: errorMessage(err) });
  }

  private setSaving(saving: boolean): void {
    this.saving = saving;
    this.submit.disabled = saving;
    this.submit.textContent = saving ? t('form.saving') : t('form.submit');
    this.form.setAttribute('aria-busy', String(saving));
  }
}

/** The changed fields: new values, and null for fields that were emptied. */
function diff(original: Record<string, unknown>, values: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const name of names) {
    const before = original[name] ?? undefined;
    const after = values[name];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    patch[name] = after === undefined ? null : after;
  }
  return patch;
}
