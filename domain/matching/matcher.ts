/**
 * Entity resolution: how likely two records are the same organisation or person, and why.
 *
 * `scorePair(a, b)` combines independent evidence with a noisy-OR (1 - Π(1 - p)):
 *   - the best match between any name, alias, English or Swedish name of one and of the other
 *     (exact, normalised, translated, abbreviated, typo-tolerant; for people also reordered or initials);
 *   - the same website / e-mail domain (organisations) or the same e-mail address;
 * and then applies vetoes: a shared valid business id is decisive (score 1), two different valid business
 * ids mean two legal entities (score capped), different entity types never match.
 *
 * Score levels (before the domain / e-mail evidence): 1 identical name; 0.96-0.99 the same apart from
 * case, punctuation, diacritics or legal form; 0.94-0.95 spacing, word order, translation, inflection;
 * 0.86-0.9 one typo; ~0.85 an initial, a derived acronym, or an abbreviation written inside the name;
 * ~0.83 a missing "kaupunki"-type word; 0.8 two typos; 0.75 related kinds of organisation
 * (koulutusyhtymä / ammattiopisto); lower for partial overlaps; at most 0.5 for different places and
 * 0.4 for different kinds of organisation.
 */
import { NO_MATCH, orgOf, round, type FormLabel, type NameForm, type NameMatch } from './name-forms';
import { compareOrgForms, conceptLabel, conceptsConflict, ORG_NAME_WEIGHTS, placesConflict, placesOf } from './org-names';
import { comparePersonForms } from './person-names';
import { emailDomain, isSharedDomain, normaliseBusinessId, registrableDomain, type BusinessId } from './normalise';

export type { NameForm } from './name-forms';

/** The fields of a node the matcher reads; any node type, any subset of fields. */
export interface EntityRecord {
  id: string;
  type?: string;
  name: string;
  aliases?: readonly string[];
  nameEn?: string;
  nameSv?: string;
  businessId?: string;
  website?: string;
  email?: string;
}

export interface MatchResult {
  /** 0..1; from MATCH_THRESHOLD up: probably the same entity. */
  score: number;
  /** Plain-language English reasons, strongest first. */
  reasons: string[];
}

export interface PreparedRecord {
  record: EntityRecord;
  forms: NameForm[];
  businessId?: BusinessId;
  /** Registrable domain of the website (or of an organisation's e-mail), unless a shared host. */
  domain?: string;
  email?: string;
}

/**
 * The score from which two records are reported as probably the same entity: the threshold with the best
 * F1 at precision >= 0.95 on the development split of the labelled set (bench/resolution-quality.ts).
 * Type-ahead ("did you mean ...?") may well show lower-scored candidates.
 */
export const MATCH_THRESHOLD = 0.75;

/** Evidence weights for the noisy-OR; tuned on the development split of test/fixtures/resolution-set.ts. */
export const WEIGHTS = {
  /** Sub-units and group companies often share a domain (oulu.fi/chydenius), so a domain alone is weak. */
  sameDomain: 0.35,
  samePersonEmail: 0.9,
  sameOrgEmail: 0.5,
  /** Score ceiling when both records carry different valid business ids. */
  differentBusinessIds: 0.2,
  /** Score ceiling for records whose names say different places (Seinäjoen vs Satakunnan ammattikorkeakoulu). */
  placeConflict: 0.5,
};

const MAX_FORMS = 12;

// ---------------------------------------------------------------------------------------------------
// Preparing records
// ---------------------------------------------------------------------------------------------------

const isPersonType = (type: string | undefined) => type === 'Person';

function addForm(forms: NameForm[], seen: Set<string>, label: FormLabel, raw: string | undefined) {
  if (!raw || !raw.trim() || forms.length >= MAX_FORMS) return;
  // "Oulun seudun ammattiopisto (OSAO)": the name and the bracketed abbreviation are two forms.
  const bracket = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(raw.trim());
  const parts: [FormLabel, string][] = bracket
    ? [
        [label, bracket[1]],
        ['alias', bracket[2]],
      ]
    : [[label, raw.trim()]];
  for (const [l, text] of parts) {
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    forms.push({ label: l, raw: text });
  }
}

const prepared = new WeakMap<EntityRecord, PreparedRecord>();

/** Normalises a record once (cached per record object): names, business id, domain. */
export function prepare(record: EntityRecord): PreparedRecord {
  const cached = prepared.get(record);
  if (cached) return cached;
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  addForm(forms, seen, 'name', record.name);
  addForm(forms, seen, 'English name', record.nameEn);
  addForm(forms, seen, 'Swedish name', record.nameSv);
  for (const alias of record.aliases ?? []) addForm(forms, seen, 'alias', alias);
  const email = record.email?.trim().toLowerCase() || undefined;
  let domain = registrableDomain(record.website) ?? (isPersonType(record.type) ? undefined : emailDomain(email));
  if (domain && isSharedDomain(domain)) domain = undefined;
  const result: PreparedRecord = { record, forms, businessId: normaliseBusinessId(record.businessId), domain, email };
  prepared.set(record, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------

/** A one-word organisation name ("VTT", "Luke", "Sitra"). */
const isShortForm = (f: NameForm) => orgOf(f).core.length + orgOf(f).concepts.length <= 1;

function bestNameMatch(a: PreparedRecord, b: PreparedRecord, person: boolean): NameMatch {
  let best = NO_MATCH;
  let bestShortLong = NO_MATCH;
  let bestLongLong = NO_MATCH;
  for (const fa of a.forms) {
    for (const fb of b.forms) {
      const primary = fa === a.forms[0] && fb === b.forms[0];
      const m = person ? comparePersonForms(fa, fb, primary) : compareOrgForms(fa, fb, primary);
      if (m.score > best.score) best = m;
      if (best.score >= 1) return best;
      if (person) continue;
      const shortA = isShortForm(fa);
      const shortB = isShortForm(fb);
      if (shortA !== shortB && m.score > bestShortLong.score) bestShortLong = m;
      if (!shortA && !shortB && m.score > bestLongLong.score) bestLongLong = m;
    }
  }
  // When both records have full names and those are comparable, they say more than an abbreviation
  // found in one of them ("VTT" is in "Teknologian tutkimuskeskus VTT Ett Oy", a sister company).
  if (best === bestShortLong && bestLongLong.score >= 0.5 && bestLongLong.score < best.score) return bestLongLong;
  return best;
}

/** Kinds of organisation and places named anywhere in a record's names (computed once per record). */
const kindsCache = new WeakMap<PreparedRecord, { concepts: string[]; places: string[] }>();
function recordKinds(r: PreparedRecord) {
  let k = kindsCache.get(r);
  if (!k) {
    const forms = r.forms.map(orgOf);
    k = { concepts: [...new Set(forms.flatMap((f) => f.concepts))], places: [...new Set(forms.flatMap(placesOf))] };
    kindsCache.set(r, k);
  }
  return k;
}

/** Scores two prepared records (see `scorePair`). */
export function scorePrepared(a: PreparedRecord, b: PreparedRecord): MatchResult {
  const ta = a.record.type;
  const tb = b.record.type;
  if (ta && tb && ta !== tb) return { score: 0, reasons: [`different entity types (${ta} and ${tb})`] };
  const person = isPersonType(ta ?? tb);
  const reasons: string[] = [];
  const name = bestNameMatch(a, b, person);

  const ba = a.businessId;
  const bb = b.businessId;
  let ceiling = 1;
  let evidence = 0;
  if (ba && bb) {
    if (ba.id === bb.id && ba.valid) return { score: 1, reasons: [`same business id ${ba.id}`, ...(name.reason ? [name.reason] : [])] };
    if (ba.id === bb.id) {
      evidence = 0.9;
      reasons.push(`same business id ${ba.id}, though it fails the Y-tunnus checksum`);
    } else if (ba.valid && bb.valid) {
      ceiling = WEIGHTS.differentBusinessIds;
      reasons.push(`different business ids ${ba.id} and ${bb.id}: separate legal entities`);
    } else {
      for (const x of [ba, bb]) if (!x.valid) reasons.push(`business id ${x.id} fails the Y-tunnus checksum and was ignored`);
    }
  }

  // Whatever the best pair of names, records whose names say different kinds of organisation or different
  // places are different (an alias "Centria" must not make "Centria-kaupunki" the UAS).
  let nameScore = name.score;
  if (!person && name.score > 0) {
    const ka = recordKinds(a);
    const kb = recordKinds(b);
    const places = placesConflict(ka.places, kb.places);
    if (conceptsConflict(ka.concepts, kb.concepts) && nameScore > ORG_NAME_WEIGHTS.conceptConflict) {
      nameScore = ORG_NAME_WEIGHTS.conceptConflict;
      reasons.push(
        `the names say different kinds of organisation (${ka.concepts.map(conceptLabel).join(', ')} vs ${kb.concepts.map(conceptLabel).join(', ')})`,
      );
    } else if (places && nameScore > WEIGHTS.placeConflict) {
      nameScore = WEIGHTS.placeConflict;
      reasons.push(`the names say different places (${places[0]} vs ${places[1]})`);
    }
  }
  const noisyOr = [nameScore, evidence];
  if (name.reason) reasons.unshift(name.reason);
  if (!person && a.domain && a.domain === b.domain) {
    noisyOr.push(WEIGHTS.sameDomain);
    reasons.push(`same website domain ${a.domain}`);
  }
  if (a.email && a.email === b.email) {
    noisyOr.push(person ? WEIGHTS.samePersonEmail : WEIGHTS.sameOrgEmail);
    reasons.push(`same e-mail address ${a.email}`);
  }
  const score = Math.min(ceiling, 1 - noisyOr.reduce((p, x) => p * (1 - x), 1));
  if (ceiling < 1)
    reasons.unshift(
      ...reasons.splice(
        reasons.findIndex((r) => r.startsWith('different business ids')),
        1,
      ),
    );
  return { score: round(score), reasons: reasons.length ? reasons : ['no similarity in names or identifiers'] };
}

/**
 * How likely `a` and `b` are the same entity (0..1), with the reasons in plain English.
 * Records of different types never match; a record without a type takes the other's.
 */
export function scorePair(a: EntityRecord, b: EntityRecord): MatchResult {
  return scorePrepared(prepare(a), prepare(b));
}
