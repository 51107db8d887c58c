/**
 * The names of a record as the matcher compares them: each name, alias, English or Swedish name is a
 * form, analysed once (as an organisation name or a person's name) on first use.
 */
import { analyseOrgName, analysePersonName, type OrgName, type PersonName } from './normalise';

export type FormLabel = 'name' | 'alias' | 'English name' | 'Swedish name';

export interface NameForm {
  label: FormLabel;
  raw: string;
  org?: OrgName;
  person?: PersonName;
}

/** The best comparison of two forms: a score and one plain-language reason. */
export interface NameMatch {
  score: number;
  reason: string;
}
export const NO_MATCH: NameMatch = { score: 0, reason: '' };

/** The organisation-name analysis of a form, computed once. */
export const orgOf = (f: NameForm): OrgName => (f.org ??= analyseOrgName(f.raw));
/** The person-name analysis of a form, computed once. */
export const personOf = (f: NameForm): PersonName => (f.person ??= analysePersonName(f.raw));

/** "alias 'University of Oulu'", for reasons. */
export const quote = (f: NameForm): string => `${f.label} '${f.raw}'`;

/** Equal as written, apart from case and runs of spaces. */
export const sameText = (a: string, b: string): boolean =>
  a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

export const round = (x: number): number => Math.round(x * 1000) / 1000;
