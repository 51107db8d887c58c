/**
 * Skills supply and demand (the Battery Region question): an organisation NEEDS a competence, an
 * education provider OFFERS_TRAINING in it at a level. Both link to a Theme of kind `skill`.
 * Shared by the relationship rules, the API, the worker, the seed and the client.
 */
import { z } from 'zod';
import type { OrganisationType } from './entities';

/** Level of a training offer: vocational upper secondary, university of applied sciences, university. */
export const TRAINING_LEVELS = ['vocational', 'uas', 'university'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const TrainingLevelSchema = z.enum(TRAINING_LEVELS);

/** Organisation types that may offer training (OFFERS_TRAINING starts at one of these). */
export const EDUCATION_PROVIDER_TYPES: readonly OrganisationType[] = ['vocational_college', 'university_of_applied_sciences', 'university'];

/** The theme kind that NEEDS and OFFERS_TRAINING must end at. */
export const SKILL_KIND = 'skill';
