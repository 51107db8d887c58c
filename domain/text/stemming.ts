/**
 * Text analysis for Finnish, Swedish and English: tokenising, stopwords, stemming, a language guess and a
 * small dictionary-based compound splitter. Everything the theme suggestions and the overlap scoring
 * compare goes through here, so two texts are comparable exactly when they were analysed alike.
 *
 * Stemming uses the Snowball algorithms from the `snowball-stemmers` package (the reference algorithms
 * for all three languages, plain JavaScript, no runtime dependencies, typed by @types/snowball-stemmers).
 * lunr-languages ships the same algorithms but only as plugins that patch a lunr instance, which we do not
 * use. Snowball's Finnish stemmer leaves forms of one word apart (kierrätys / kierrätyksen, vety / vedyn,
 * kiertotalous / kiertotalouden); `normaliseFinnishStem` folds those together, see there.
 *
 * The stopword lists are the Snowball project's lists (the companions of the stemmers), trimmed and with
 * a few everyday function words added; they are small enough to read and keep here.
 */
import * as snowball from 'snowball-stemmers';

export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

// ---------------------------------------------------------------------------------------------------
// Stopwords
// ---------------------------------------------------------------------------------------------------

const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  fi: new Set(
    words(`
    olla olen olet on olemme olette ovat ole oli olisi olisit olisin olisimme olisitte olisivat olit olin olimme
    olitte olivat ollut olleet olla ollaan en et ei emme ette eivät
    minä minun minut minua minussa minusta minuun minulla minulta minulle sinä sinun sinut sinua sinussa
    sinusta sinuun sinulla sinulta sinulle hän hänen hänet häntä hänessä hänestä häneen hänellä häneltä
    hänelle me meidän meidät meitä meissä meistä meihin meillä meiltä meille te teidän teidät teitä teissä
    teistä teihin teillä teiltä teille he heidän heidät heitä heissä heistä heihin heillä heiltä heille
    tämä tämän tätä tässä tästä tähän tällä tältä tälle tänä täksi tuo tuon tuota tuossa tuosta tuohon
    tuolla tuolta tuolle tuona tuoksi se sen sitä siinä siitä siihen sillä siltä sille siksi nämä näiden
    näitä näissä näistä näihin näillä näiltä näille näinä näiksi nuo noiden noita noissa noista noihin
    noilla noilta noille noina noiksi ne niiden niitä niissä niistä niihin niillä niiltä niille niinä niiksi
    kuka kenen kenet ketä kenessä kenestä keneen kenellä keneltä kenelle kenenä keneksi ketkä keiden keitä
    mikä minkä mitä missä mistä mihin millä miltä mille miksi mitkä joka jonka jota jossa josta johon jolla
    jolta jolle jona joksi jotka joiden joita joissa joista joihin joilla joilta joille joina joiksi
    että ja jos koska kuin mutta niin sekä sillä tai vaan vai vaikka kanssa mukaan noin poikki yli kun nyt
    itse myös eli mm muun muassa kuten jo vain lisäksi kautta osana välillä jälkeen aikana sekä siten
    sekä eri kaikki kaikkien muut muiden muita voi voidaan voivat tulee tulevat ovat uusi uusia uusien
    `),
  ),
  sv: new Set(
    words(`
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
    henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp
    vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna
    själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken
    er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sådana vart dina vars
    vårt våra ert era vilkas även också samt genom både bland andra ska skall nya nytt ny
    `),
  ),
  en: new Set(
    words(`
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is
    are was were be been being have has had having do does did doing would should could ought a an the and
    but if or because as until while of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here there when
    where why how all any both each few more most other some such no nor not only own same so than too very
    can will just also via within across new per its
    `),
  ),
};

// Words in two lists (en, de, i, ...) say nothing about the language, so the guess ignores them.
const exclusive = (lang: Lang): ReadonlySet<string> =>
  new Set([...STOPWORDS[lang]].filter((w) => LANGS.every((o) => o === lang || !STOPWORDS[o].has(w))));
const EXCLUSIVE_STOPWORDS: Record<Lang, ReadonlySet<string>> = { fi: exclusive('fi'), sv: exclusive('sv'), en: exclusive('en') };

// ---------------------------------------------------------------------------------------------------
// Tokenising
// ---------------------------------------------------------------------------------------------------

/**
 * Lower-case words of letters and digits. Hyphens and apostrophes split words ("Kemi-Tornion" → kemi,
 * tornion; "EAKR-rahoitus" → eakr, rahoitus); the Finnish ellipsis "akku- ja teknologiametalliklusteri"
 * leaves "akku" as a word of its own. Pure numbers (years, euros) are dropped.
 */
export function tokenize(text: string): string[] {
  return scan(text).map((t) => t.word);
}

// ---------------------------------------------------------------------------------------------------
// Stemming
// ---------------------------------------------------------------------------------------------------

const STEMMERS: Record<Lang, snowball.Stemmer> = {
  fi: snowball.newStemmer('finnish'),
  sv: snowball.newStemmer('swedish'),
  en: snowball.newStemmer('english'),
};

/**
 * Finnish forms whose stem changes too much for any suffix rule (vesi / veden / vettä). Only words the
 * domain needs; everything else goes through Snowball and the normalisation below.
 */
const FI_LEMMAS: Record<string, string> = Object.fromEntries(
  [
    ['vesi', 'veden vettä vedessä vedestä veteen vedellä vedeltä vedelle vetenä vedet vesien vesiä vesissä vesistä vesiin vesillä'],
    ['jäte', 'jätteen jätettä jätteessä jätteestä jätteeseen jätteellä jätteet jätteiden jätteitä jätteisiin jätteistä jätteillä'],
    ['uusi', 'uuden uutta uudessa uudesta uuteen uudet uusien uusia'],
    ['kenno', 'kennon kennoa kennot kennojen kennoja kennoihin kennoissa'],
    ['tarve', 'tarpeen tarvetta tarpeessa tarpeeseen tarpeet tarpeiden tarpeita tarpeisiin tarpeista'],
    ['tehdas', 'tehtaan tehdasta tehtaassa tehtaaseen tehtaalla tehtaat tehtaiden tehtaita tehtaisiin'],
    ['puhdas', 'puhtaan puhdasta puhtaat puhtaiden puhtaita'],
  ].flatMap(([lemma, forms]) => words(forms).map((f) => [f, lemma])),
);

/**
 * Forms given a fixed key because their normal key collides with a frequent unrelated word: vety
 * (hydrogen) and vedyn would become "vet", like vetää / vedetään (to lead), which every project text uses.
 * A normal key of more than three letters never ends in a vowel, so these keys cannot collide.
 */
const FI_FIXED_KEYS: Record<string, string> = Object.fromEntries(
  words('vety vedyn vetyä vetyyn vedystä vedyllä vedylle vedyksi').map((f) => [f, 'vety']),
);

/**
 * Snowball's Finnish stems still differ between forms of one word: consonant gradation (vety / vedyn,
 * sivuvirta / sivuvirran, kaupunki / kaupungin), the -s / -ks- / -t- / -d- stems (kierrätys /
 * kierrätyksen, teollisuus / teollisuuden / teollisuutta) and the -nen / -sen / -sta nouns (osaaminen /
 * osaamisen / osaamista). The key we compare is therefore lossy on purpose:
 *  1. fold both grades of a gradation pair to one spelling (kk k → k, rt rr → r, d → t, ...), everywhere
 *     in the word, so that whatever grade a form shows it ends up the same;
 *  2. drop the stem-final -ks, -s, -t, -st (after a vowel) and -in / -is that Snowball leaves;
 *  3. drop final vowels.
 * Two different words can collide only if they differ just in those letters; for matching themes and
 * comparing projects that is a fair price for matching the inflected forms.
 */
export function normaliseFinnishStem(stem: string): string {
  let s = stem
    .replace(/kk/g, 'k')
    .replace(/pp/g, 'p')
    .replace(/tt/g, 't')
    .replace(/r[rt]/g, 'r')
    .replace(/l[lt]/g, 'l')
    .replace(/n[nt]/g, 'n')
    .replace(/m[mp]/g, 'm')
    .replace(/n[kg]/g, 'n')
    .replace(/d/g, 't');
  if (s.length > 4 && s.endsWith('ks')) s = s.slice(0, -2);
  else if (s.length > 4 && /[aeiouyäö](?:st|s|t)$/.test(s)) s = s.replace(/(?:st|s|t)$/, '');
  else if (s.length > 5 && /(?:in|is)$/.test(s)) s = s.slice(0, -2);
  while (s.length > 3 && /[aeiouyäö]$/.test(s)) s = s.slice(0, -1);
  return s;
}

const stemCache: Record<Lang, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };
const STEM_CACHE_LIMIT = 200_000;

/** The comparison key of one lower-case word: its stem, normalised for Finnish. Memoised. */
export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let key: string;
  if (lang === 'fi') {
    key = FI_FIXED_KEYS[word] ?? normaliseFinnishStem(STEMMERS.fi.stem(FI_LEMMAS[word] ?? word));
  } else {
    key = STEMMERS[lang].stem(lang === 'en' ? word.replace(/['’]s$/, '') : word);
  }
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

// ---------------------------------------------------------------------------------------------------
// Language guess
// ---------------------------------------------------------------------------------------------------

// Finnish case endings are so frequent that they tell Finnish text even without stopwords (names, titles).
const FI_ENDINGS = /(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|nen|sen|iden|jen|aan|ään|ien|ta|tä)$/;

/** Evidence for each language: exclusive stopwords, Finnish endings, Swedish å. */
export function languageScores(text: string): Record<Lang, number> {
  const score: Record<Lang, number> = { fi: 0, sv: 0, en: 0 };
  for (const w of tokenize(text)) {
    for (const lang of LANGS) if (EXCLUSIVE_STOPWORDS[lang].has(w)) score[lang] += 1;
    if (w.length > 4 && FI_ENDINGS.test(w)) score.fi += 0.3;
    if (w.includes('å')) score.sv += 1;
  }
  return score;
}

/** The most likely language of a text; texts with no evidence are English unless they contain ä or ö. */
export function guessLanguage(text: string): Lang {
  const s = languageScores(text);
  const best = LANGS.reduce((a, b) => (s[b] > s[a] ? b : a));
  if (s[best] > 0) return best;
  return /[äö]/i.test(text) ? 'fi' : 'en';
}

// ---------------------------------------------------------------------------------------------------
// Compounds
// ---------------------------------------------------------------------------------------------------

/**
 * A dictionary-based splitter for Finnish and Swedish compounds ("akkukemikaalien" → akku + kemikaali,
 * "vedenkäsittelyyn" → vesi + käsittely, "batteriåtervinning" → batteri + återvinning). It knows only
 * the words it is given (the theme vocabulary), and splits a word when it starts with a known word and
 * the rest is a known word, a compound of them, or long enough to be a word of its own. The parts are
 * returned as comparison keys, so a compound and the same words written apart give the same parts.
 */
export class CompoundLexicon {
  /** Forms that may start a compound, per language, and the base word they stand for. */
  private readonly prefixes: Record<Lang, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };
  /** Keys of known words, for judging the last part. */
  private readonly keys: Record<Lang, Set<string>> = { fi: new Set(), sv: new Set(), en: new Set() };
  private readonly splitCache: Record<Lang, Map<string, string[] | null>> = { fi: new Map(), sv: new Map(), en: new Map() };
  private maxPrefix = 0;

  /**
   * Adds a word in its base form, with the forms it takes as the first part of a compound: Finnish
   * genitive (-n), -nen → -s (osaaminen → osaamis-) and plural -t → singular (akkukemikaalit →
   * akkukemikaali-); Swedish linking -s (avfall → avfalls-).
   */
  add(lang: Lang, word: string): this {
    const w = word.toLowerCase();
    if (lang === 'en' || w.length < 3 || !/^[\p{L}]+$/u.test(w)) return this;
    const forms = [w];
    if (lang === 'fi') {
      forms.push(`${w}n`);
      if (w.endsWith('nen')) forms.push(`${w.slice(0, -3)}s`);
      if (/[aeiouyäö]t$/.test(w)) forms.push(w.slice(0, -1));
    } else {
      forms.push(`${w}s`);
    }
    for (const f of forms) this.addForm(lang, f, w);
    this.keys[lang].add(stem(w, lang));
    return this;
  }

  /** Adds an irregular form that stands for a base word at the start of compounds (veden → vesi). */
  addForm(lang: Lang, form: string, baseWord: string): this {
    const f = form.toLowerCase();
    if (f.length < 3 || this.prefixes[lang].has(f)) return this;
    this.prefixes[lang].set(f, baseWord.toLowerCase());
    this.maxPrefix = Math.max(this.maxPrefix, f.length);
    this.splitCache[lang].clear();
    return this;
  }

  get size(): number {
    return this.prefixes.fi.size + this.prefixes.sv.size;
  }

  /** The parts' keys, or null when the word is not a compound of known words. */
  split(word: string, lang: Lang): string[] | null {
    if (lang === 'en' || word.length < 6) return null;
    const cache = this.splitCache[lang];
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const parts = this.splitFrom(word, lang, 0);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, parts);
    return parts;
  }

  private splitFrom(word: string, lang: Lang, depth: number): string[] | null {
    if (depth > 4) return null;
    const prefixes = this.prefixes[lang];
    // Longest known start first: "akkukemikaali-" before "akku-" when both are known.
    for (let i = Math.min(word.length - 3, this.maxPrefix); i >= 3; i--) {
      const base = prefixes.get(word.slice(0, i));
      if (base === undefined) continue;
      const rest = word.slice(i);
      const tail = this.splitFrom(rest, lang, depth + 1) ?? (this.isWord(rest, lang) ? [stem(rest, lang)] : null);
      if (!tail) continue;
      // A known start may itself be a compound (akkukemikaali): give its parts, as for the word alone.
      const head = (base.length >= 6 ? this.splitFrom(base, lang, depth + 1) : null) ?? [stem(base, lang)];
      return [...head, ...tail];
    }
    return null;
  }

  private isWord(rest: string, lang: Lang): boolean {
    if (rest.length < 3) return false;
    const key = stem(rest, lang);
    return this.keys[lang].has(key) || this.prefixes[lang].has(rest) || (rest.length >= 5 && key.length >= 4);
  }
}

// ---------------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------------

export interface AnalysedToken {
  /** The word as written, lower-cased. */
  surface: string;
  /** Position among the non-stopword tokens of the text. */
  pos: number;
  /** Comparison key of the whole word. */
  key: string;
  /** Keys of the compound's parts, or [key] when the word is not a known compound. */
  atoms: string[];
}

export interface Analysis {
  lang: Lang;
  tokens: AnalysedToken[];
}

interface Scanned {
  word: string;
  /** Followed by a hanging hyphen: "akku- ja teknologiametalliklusteri". */
  hanging: boolean;
  /** Joined by a hyphen to the next word: "by-products", "Kemi-Tornio". */
  hyphenNext: boolean;
}

function scan(text: string): Scanned[] {
  const out: Scanned[] = [];
  for (const m of text
    .normalize('NFC')
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+(-\s|-(?=[\p{L}\p{N}]))?/gu)) {
    const word = m[1] ? m[0].slice(0, -m[1].length) : m[0];
    if (/^\d+$/.test(word)) continue;
    out.push({ word, hanging: m[1]?.length === 2, hyphenNext: m[1] === '-' });
  }
  return out;
}

/** Tokenises, drops stopwords, stems and splits compounds; `lang` defaults to the guessed language. */
export class TextAnalyzer {
  constructor(readonly lexicon: CompoundLexicon = new CompoundLexicon()) {}

  analyze(text: string, lang: Lang = guessLanguage(text)): Analysis {
    const stop = STOPWORDS[lang];
    const tokens: AnalysedToken[] = [];
    let pendingHanging: AnalysedToken[] = [];
    const words = scan(text);
    let group: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const { word, hyphenNext, hanging } = words[i];
      if (hyphenNext && i + 1 < words.length) {
        // A stopword or a letter before a hyphen belongs to the next word ("by-products" is not
        // "products", "e-mobility" not "mobility"); other hyphenated words make one compound token
        // ("lithium-ion", "Kemi-Tornio", "TKI-toiminta").
        if (word.length <= 2 || stop.has(word)) words[i + 1] = { ...words[i + 1], word: word + words[i + 1].word };
        else group.push(word);
        continue;
      }
      const parts = [...group, word];
      group = [];
      if (parts.length === 1 && (stop.has(word) || word.length < 2)) continue;
      const atoms = parts.flatMap((w) => this.lexicon.split(w, lang) ?? [stem(w, lang)]);
      const key = parts.length === 1 ? stem(word, lang) : parts.map((w) => stem(w, lang)).join('-');
      const token: AnalysedToken = { surface: parts.join('-'), pos: tokens.length, key, atoms };
      tokens.push(token);
      if (hanging) {
        pendingHanging.push(token);
        continue;
      }
      // "akku- ja teknologiametalliklusteri" means akkuklusteri too: the hanging word borrows the last
      // part of the next compound.
      if (pendingHanging.length && atoms.length > 1) {
        const head = atoms[atoms.length - 1];
        for (const t of pendingHanging) t.atoms = [...t.atoms, head];
      }
      pendingHanging = [];
    }
    return { lang, tokens };
  }

  /**
   * The terms of a text for TF-IDF: every atom, plus the whole key of a compound (so that "akkukemikaali"
   * matches itself more strongly than "akku ... kemikaali" apart), each with the first surface form seen.
   */
  terms(analysis: Analysis): Map<string, { count: number; surface: string }> {
    const out = new Map<string, { count: number; surface: string }>();
    const bump = (term: string, surface: string) => {
      const t = out.get(term);
      if (t) t.count++;
      else out.set(term, { count: 1, surface });
    };
    for (const t of analysis.tokens) {
      for (const a of t.atoms) bump(a, t.surface);
      if (t.atoms.length > 1) bump(t.key, t.surface);
    }
    return out;
  }
}
