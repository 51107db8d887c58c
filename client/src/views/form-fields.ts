/**
 * Form fields derived from the domain's zod schemas: which input each field gets (text, number, date,
 * select for enums, one-per-line list for arrays), reading values back in the shape the schemas
 * expect, and showing errors from zod or from the API next to the field they belong to.
 */
import { z } from 'zod';
import { h, replaceChildren } from '../dom';
import { fieldLabel, t, valueLabel } from '../i18n';

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'list' | 'email' | 'url' | 'tel';

export interface Option {
  value: string;
  label: string;
  /** Options with a group are shown under an optgroup of that name. */
  group?: string;
}

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  label?: string;
  options?: Option[];
  defaultValue?: unknown;
  disabled?: boolean;
}

/** The pattern of the domain's IsoDateSchema: such strings get a date picker. */
const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;
const LONG_TEXT = new Set(['description', 'note']);

/** One field of a zod object schema as a form field. */
export function describeField(name: string, schema: z.ZodTypeAny): FieldSpec {
  let type = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (type instanceof z.ZodOptional || type instanceof z.ZodNullable) {
      required = required && !(type instanceof z.ZodOptional);
      type = type.unwrap();
    } else if (type instanceof z.ZodDefault) {
      required = false;
      defaultValue = type._def.defaultValue();
      type = type._def.innerType;
    } else if (type instanceof z.ZodEffects) {
      type = type.innerType();
    } else break;
  }
  if (type instanceof z.ZodEnum) {
    const values = type.options as string[];
    return { name, kind: 'select', required, defaultValue, options: values.map((value) => ({ value, label: valueLabel(name, value) })) };
  }
  if (type instanceof z.ZodNumber) return { name, kind: 'number', required, defaultValue };
  if (type instanceof z.ZodArray) return { name, kind: 'list', required, defaultValue };
  if (type instanceof z.ZodString) {
    const checks = type._def.checks;
    const kind: FieldKind = checks.some((c) => c.kind === 'email')
      ? 'email'
      : checks.some((c) => c.kind === 'url')
        ? 'url'
        : checks.some((c) => c.kind === 'regex' && c.regex.source === DATE_PATTERN)
          ? 'date'
          : name === 'phone'
            ? 'tel'
            : LONG_TEXT.has(name)
              ? 'textarea'
              : 'text';
    return { name, kind, required, defaultValue };
  }
  return { name, kind: 'text', required, defaultValue };
}

/** The fields of an object schema, required ones first (keeping the schema's order otherwise). */
export function fieldSpecs(schema: z.AnyZodObject, only?: readonly string[]): FieldSpec[] {
  const shape = schema.shape as z.ZodRawShape;
  const names = only ? only.filter((n) => n in shape) : Object.keys(shape);
  const specs = names.map((name) => describeField(name, shape[name]!));
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
}

/** A zod issue in the interface language where we have words for it; the schema's own message otherwise. */
function issueMessage(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return t('form.required');
  if (issue.code === 'too_small' && issue.type === 'string' && issue.minimum === 1) return t('form.required');
  if (issue.code === 'invalid_string' && issue.validation === 'email') return t('form.invalidEmail');
  if (issue.code === 'invalid_string' && issue.validation === 'url') return t('form.invalidUrl');
  if (issue.code === 'custom' && issue.path[0] === 'endDate') return t('form.endBeforeStart');
  return issue.message;
}

/** Zod issues as field → message; issues without a field go under "_". */
export function issuesToErrors(issues: z.ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_';
    errors[key] ??= issueMessage(issue);
  }
  return errors;
}

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Control {
  spec: FieldSpec;
  input: Input;
  error: HTMLElement;
}

function toText(value: unknown, kind: FieldKind): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('\n');
  if (kind === 'date' && typeof value === 'string') return value.slice(0, 10);
  return String(value);
}

/** A set of labelled inputs with error slots, built from field specs. */
export class FieldSet {
  readonly el: HTMLElement;
  private readonly controls = new Map<string, Control>();

  constructor(specs: FieldSpec[], initial: Record<string, unknown> = {}, idPrefix = 'f') {
    this.el = h('div', { class: 'fieldset' });
    for (const spec of specs) {
      const id = `${idPrefix}-${spec.name}`;
      const value = toText(spec.name in initial ? initial[spec.name] : spec.defaultValue, spec.kind);
      const input = createInput(spec, id, value);
      const error = h('div', { class: 'field-error', id: `${id}-error`, 'data-testid': `error-${spec.name}`, role: 'alert' });
      input.setAttribute('aria-describedby', error.id);
      this.controls.set(spec.name, { spec, input, error });
      this.el.append(
        h(
          'div',
          { class: `field field-${spec.kind}`, 'data-field': spec.name },
          h(
            'label',
            { for: id },
            spec.label ?? fieldLabel(spec.name),
            spec.required ? h('span', { class: 'req', title: t('form.required') }, ' *') : null,
          ),
          input,
          spec.kind === 'list' ? h('div', { class: 'hint' }, t('form.listHint')) : null,
          error,
        ),
      );
    }
  }

  has(name: string): boolean {
    return this.controls.has(name);
  }

  names(): string[] {
    return [...this.controls.keys()];
  }

  input(name: string): Input | undefined {
    return this.controls.get(name)?.input;
  }

  /** Values in the shape the schemas expect: empty fields are left out; unreadable numbers are errors. */
  read(): { values: Record<string, unknown>; errors: Record<string, string> } {
    const values: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const [name, { spec, input }] of this.controls) {
      const raw = input.value;
      if (spec.kind === 'list') {
        const items = raw
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        if (items.length) values[name] = items;
      } else if (spec.kind === 'number') {
        const text = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
        if (!text) continue;
        const n = Number(text);
        if (Number.isFinite(n)) values[name] = n;
        else errors[name] = t('form.notANumber');
      } else {
        const text = raw.trim();
        if (text) values[name] = text;
      }
    }
    return { values, errors };
  }

  /** Shows errors next to their fields; returns the errors that belong to no field here. */
  showErrors(errors: Record<string, string>): Record<string, string> {
    const rest: Record<string, string> = {};
    for (const [name, message] of Object.entries(errors)) {
      const control = this.controls.get(name);
      if (!control) {
        rest[name] = message;
        continue;
      }
      control.error.textContent = message;
      control.input.setAttribute('aria-invalid', 'true');
    }
    const first = Object.keys(errors)
      .map((n) => this.controls.get(n))
      .find(Boolean);
    first?.input.focus();
    return rest;
  }

  clearErrors(): void {
    for (const { input, error } of this.controls.values()) {
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  }
}

function createInput(spec: FieldSpec, id: string, value: string): Input {
  const common = { id, name: spec.name, 'data-testid': `field-${spec.name}`, required: spec.required, disabled: spec.disabled };
  switch (spec.kind) {
    case 'select': {
      const select = h('select', common);
      setOptions(select, spec.options ?? [], value, !spec.required || !value);
      return select;
    }
    case 'textarea':
    case 'list':
      return h('textarea', { ...common, rows: spec.kind === 'list' ? 2 : 3, value });
    case 'number':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', value });
    default:
      return h('input', { ...common, type: spec.kind, value });
  }
}

/** Fills a select, grouping options under optgroups; keeps `value` selected when it is among them. */
export function setOptions(select: HTMLSelectElement, options: Option[], value: string, withEmpty = true): void {
  const children: HTMLElement[] = withEmpty ? [h('option', { value: '' }, t('form.none'))] : [];
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const option = h('option', { value: o.value, selected: o.value === value }, o.label);
    if (!o.group) {
      children.push(option);
      continue;
    }
    let group = groups.get(o.group);
    if (!group) {
      group = h('optgroup', { label: o.group });
      groups.set(o.group, group);
      children.push(group);
    }
    group.append(option);
  }
  replaceChildren(select, ...children);
  select.value = options.some((o) => o.value === value) ? value : withEmpty ? '' : (options[0]?.value ?? '');
}
