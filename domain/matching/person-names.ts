/**
 * Comparing two people's names: word order ("Poikela Kari", "Poikela, Kari"), initials ("K. Poikela"),
 * diacritics, titles, typos, and missing middle names or parts of double surnames.
 */
import { NO_MATCH, personOf, quote, round, sameText, type NameForm, type NameMatch } from './name-forms';
import { isKnownGivenName, type PersonToken } from './normalise';
import { editDistance } from './similarity';

/** One edit between two different words: which kind (they must be exactly one OSA edit apart). */
function editKind(a: string, b: string): 'indel' | 'transposition' | 'substitution' {
  if (a.length !== b.length) return 'indel';
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 'transposition' : 'substitution';
}

/**
 * Two words of people's names. Finnish given names one letter apart are usually different names (Kari /
 * Sari / Kati, Anna / Sanna / Hanna): two known given names never count as a typo of each other. When one
 * word is a known name and the other is not ("Tqpio" / "Tapio", "eena" / "Leena") it is a typo; between
 * unknown words, below six letters only a transposition counts.
 */
function personTokenQuality(a: PersonToken, b: PersonToken): [number, string | null] {
  if (a.f === b.f) return a.fi === b.fi ? [1, null] : [0.97, 'diacritics'];
  if (a.initial !== b.initial) return a.f[0] === b.f[0] ? [0.85, 'initial'] : [0, null];
  if (a.initial) return [0, null];
  const len = Math.min(a.f.length, b.f.length);
  if (len < 3) return [0, null];
  const knownA = isKnownGivenName(a.f);
  const knownB = isKnownGivenName(b.f);
  if (knownA && knownB) return [0, null];
  const d = editDistance(a.f, b.f, 2);
  if (d === 1) {
    if (len >= 6) return [len >= 8 ? 0.9 : 0.88, 'typo'];
    if ((knownA || knownB) && Math.max(a.f.length, b.f.length) >= 4) return [0.86, 'typo'];
    if (editKind(a.f, b.f) === 'transposition') return [0.85, 'typo'];
  }
  if (d === 2 && len >= 7) return [0.75, 'typo'];
  return [0, null];
}

export function comparePersonForms(fa: NameForm, fb: NameForm, primary: boolean): NameMatch {
  const a = personOf(fa);
  const b = personOf(fb);
  const A = a.tokens;
  const B = b.tokens;
  if (!A.length || !B.length) return NO_MATCH;
  const names = `${quote(fa)} and ${quote(fb)}`;
  if (A.map((t) => t.f).join(' ') === B.map((t) => t.f).join(' ')) {
    if (sameText(fa.raw, fb.raw)) return { score: primary ? 1 : 0.99, reason: `${quote(fa)} equals ${quote(fb)}` };
    if (A.map((t) => t.fi).join(' ') !== B.map((t) => t.fi).join(' '))
      return { score: 0.96, reason: `${names} differ only in diacritics (ä/ö/å)` };
    if (a.commaReordered !== b.commaReordered) return { score: 0.97, reason: `${names} are the same name, one written surname first` };
    return { score: 0.97, reason: `${quote(fa)} equals ${quote(fb)} apart from case and punctuation` };
  }

  const pairs: [number, number, number, string | null][] = [];
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < B.length; j++) {
      const [q, how] = personTokenQuality(A[i], B[j]);
      if (q > 0) pairs.push([q, i, j, how]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  const usedA = new Int32Array(A.length).fill(-1);
  const usedB = new Int32Array(B.length).fill(-1);
  // Independent uncertainties multiply: an initial and a typo together are weaker than either.
  let quality = 1;
  const notes: string[] = [];
  for (const [q, i, j, how] of pairs) {
    if (usedA[i] >= 0 || usedB[j] >= 0) continue;
    usedA[i] = j;
    usedB[j] = i;
    quality *= q;
    if (how === 'initial')
      notes.push(`initial '${(A[i].initial ? A[i] : B[j]).f.toUpperCase()}.' fits '${(A[i].initial ? B[j] : A[i]).fi}'`);
    if (how === 'typo') notes.push(`'${A[i].fi}' ~ '${B[j].fi}' (typo)`);
    if (how === 'diacritics') notes.push(`'${A[i].fi}' ~ '${B[j].fi}' (diacritics)`);
  }
  let crossed = false;
  for (let i = 0, last = -1; i < A.length; i++) {
    if (usedA[i] < 0) continue;
    if (usedA[i] < last) crossed = true;
    last = usedA[i];
  }
  const matchedA = A.filter((_, i) => usedA[i] >= 0).length;
  if (!matchedA) return NO_MATCH;
  const [shortT, longT, shortUsed, longUsed] = A.length <= B.length ? [A, B, usedA, usedB] : [B, A, usedB, usedA];
  const lastA = A.length - 1;
  const lastB = B.length - 1;
  const ends = usedA[0] === 0 && usedA[lastA] === lastB && A.length > 1 && B.length > 1;

  if (!shortT.every((_, i) => shortUsed[i] >= 0)) {
    // Same given name and surname, different middle names: possibly a relative of the same name.
    if (ends && !crossed) {
      return {
        score: round(Math.min(0.95, quality) * 0.85),
        reason: `${names} have the same given name and surname but different middle names`,
      };
    }
    const surnameShared = usedA[lastA] === lastB && !A[lastA].initial;
    if (surnameShared) return { score: 0.35, reason: `${names} share the surname '${A[lastA].fi}' but not the given name` };
    if (usedA[0] === 0 && !A[0].initial && A.length > 1 && B.length > 1) {
      return { score: 0.25, reason: `${names} share the given name '${A[0].fi}' but not the surname` };
    }
    return { score: 0.2, reason: `${names} share only part of the name` };
  }
  if (shortT.length === 1) return { score: 0.55 * quality, reason: `${names} share only one name ('${shortT[0].fi}')` };
  let score = Math.min(0.95, quality);
  // Words of the longer name that the shorter lacks: a middle name (between matched words) is often
  // left out; a missing part at either end (a double surname "Ramstedt-Sen") is a bigger difference.
  const matchedLong = longT.map((_, i) => i).filter((i) => longUsed[i] >= 0);
  const extra = longT.map((t, i) => ({ t, i })).filter(({ i }) => longUsed[i] < 0);
  for (const { i } of extra) score *= i > matchedLong[0] && i < matchedLong[matchedLong.length - 1] ? 0.97 : 0.92;
  if (extra.length) notes.push(`one name has the extra part${extra.length > 1 ? 's' : ''} ${extra.map(({ t }) => `'${t.fi}'`).join(', ')}`);
  if (crossed) notes.unshift(a.commaReordered || b.commaReordered ? 'surname written first' : 'same names in a different order');
  return { score, reason: `${names} fit each other${notes.length ? `: ${notes.join(', ')}` : ''}` };
}
