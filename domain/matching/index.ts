/**
 * Entity resolution for organisations and people: `scorePair` for two records, `MatcherIndex` /
 * `findCandidates` for "did you mean ...?" and duplicate search over many. See matcher.ts for the scoring.
 */
export { MATCH_THRESHOLD, prepare, scorePair, scorePrepared, type EntityRecord, type MatchResult } from './matcher';
export { findCandidates, MatcherIndex, type Candidate, type FindOptions, type Query } from './candidate-index';
export {
  businessIdCheckDigit,
  foldDiacritics,
  foldFinnish,
  isValidBusinessId,
  normaliseBusinessId,
  normaliseName,
  registrableDomain,
} from './normalise';
