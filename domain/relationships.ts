/**
 * Relationship types, which node types each may join, and the one zod schema for relationship data.
 * Every relationship has a stable id, optional start/end dates and a free-text note.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, type NodeType } from './entities';
import { EDUCATION_PROVIDER_TYPES, SKILL_KIND, TrainingLevelSchema } from './skills';

export const RELATIONSHIP_TYPES = [
  'LOCATED_IN',
  'IN_REGION',
  'LEADS',
  'PARTNER_IN',
  'FUNDS',
  'FUNDED_BY',
  'WORKS_AT',
  'CONTACT_FOR',
  'MEMBER_OF',
  'FOCUSES_ON',
  'COOPERATES_WITH',
  'SUPPLIES',
  'PART_OF',
  'NEEDS',
  'OFFERS_TRAINING',
  'PRODUCES',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);

type Ends = { from: readonly NodeType[]; to: readonly NodeType[] };
const ACTORS = ['Organisation', 'Person', 'Cluster'] as const;
const PLACES = ['City', 'Region', 'Country'] as const;

/** Which node types a relationship may start and end at; the worker enforces it. */
export const RELATIONSHIP_ENDS: Record<RelationshipType, Ends> = {
  LOCATED_IN: { from: ['Organisation', 'Person', 'Project', 'Cluster', 'City', 'Region'], to: PLACES },
  IN_REGION: { from: ['City', 'Region'], to: ['Region', 'Country'] },
  LEADS: { from: ['Organisation', 'Person'], to: ['Project', 'Cluster', 'WorkPackage', 'Programme'] },
  PARTNER_IN: { from: ['Organisation', 'City'], to: ['Project', 'WorkPackage'] },
  FUNDS: { from: ['Organisation', 'Programme'], to: ['Project', 'Cluster', 'Programme'] },
  FUNDED_BY: { from: ['Project', 'Cluster'], to: ['Organisation', 'Programme'] },
  WORKS_AT: { from: ['Person'], to: ['Organisation', 'Cluster'] },
  CONTACT_FOR: { from: ['Person'], to: ['Project', 'Cluster', 'Organisation', 'Programme', 'WorkPackage'] },
  MEMBER_OF: { from: ['Organisation', 'Person', 'City'], to: ['Cluster', 'Organisation', 'Programme'] },
  FOCUSES_ON: { from: ['Organisation', 'Project', 'Cluster', 'City', 'Programme', 'WorkPackage'], to: ['Theme'] },
  COOPERATES_WITH: { from: [...ACTORS, 'City', 'Region'], to: [...ACTORS, 'City', 'Region'] },
  /** A material flow; from a SideStream it names the stream's taker. */
  SUPPLIES: { from: ['Organisation', 'SideStream'], to: ['Organisation'] },
  PART_OF: {
    from: ['WorkPackage', 'Project', 'Theme', 'Organisation', 'Cluster', 'Programme'],
    to: ['Project', 'Programme', 'Theme', 'Organisation', 'Cluster'],
  },
  /** An organisation needs a competence (a skill theme). */
  NEEDS: { from: ['Organisation'], to: ['Theme'] },
  /** An education provider trains in a competence (a skill theme), at a `level`. */
  OFFERS_TRAINING: { from: ['Organisation'], to: ['Theme'] },
  /** An organisation produces a side stream (by-product, residue) that others could use. */
  PRODUCES: { from: ['Organisation'], to: ['SideStream'] },
};

/** A condition on an end node's property beyond its type, and the rejection code when it is not met. */
export interface EndCondition {
  property: string;
  values: readonly string[];
  code: string;
  message: string;
}

const SKILL_THEME: EndCondition = {
  property: 'kind',
  values: [SKILL_KIND],
  code: 'TO_NOT_SKILL',
  message: 'expected a theme of kind skill (a competence), not a topic',
};
const EDUCATION_PROVIDER: EndCondition = {
  property: 'orgType',
  values: EDUCATION_PROVIDER_TYPES,
  code: 'FROM_NOT_EDUCATION_PROVIDER',
  message: `expected an education provider (orgType ${EDUCATION_PROVIDER_TYPES.join(', ')})`,
};

/** End conditions per type; the API prechecks them and the worker enforces them in its transaction. */
export const RELATIONSHIP_END_CONDITIONS: Partial<Record<RelationshipType, { from?: EndCondition; to?: EndCondition }>> = {
  NEEDS: { to: SKILL_THEME },
  OFFERS_TRAINING: { from: EDUCATION_PROVIDER, to: SKILL_THEME },
};

/** Relationship types whose `level` is required; every other type must not have one. */
const LEVELLED: readonly RelationshipType[] = ['OFFERS_TRAINING'];

/**
 * The `level` rule: required on OFFERS_TRAINING, refused elsewhere. For an update (`partial`), a
 * missing level is fine but removing it (null) is not. Returns the reason, or null when it holds.
 */
export function levelIssue(type: RelationshipType, level: unknown, partial = false): string | null {
  if (LEVELLED.includes(type)) {
    if (level === null) return `${type} needs a level; it cannot be removed`;
    if (level === undefined && !partial) return `${type} needs a level (vocational, uas or university)`;
    return null;
  }
  return level === undefined || level === null ? null : `only OFFERS_TRAINING has a level, not ${type}`;
}

/** Properties a relationship may carry; which make sense depends on the type (role on WORKS_AT...). */
export const RelationshipPropsSchema = z
  .object({
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.optional(),
    note: z.string().max(5000).optional(),
    role: z.string().max(300).optional(),
    /** SUPPLIES: what flows, e.g. "wood waste". */
    material: z.string().max(300).optional(),
    /** SUPPLIES: tonnes a year. */
    tonnesPerYear: z.number().nonnegative().finite().optional(),
    /** FUNDS / FUNDED_BY: euros given. */
    amountEur: z.number().nonnegative().finite().optional(),
    /** OFFERS_TRAINING (required there): vocational, uas or university. */
    level: TrainingLevelSchema.optional(),
  })
  .strict();
export type RelationshipProps = z.infer<typeof RelationshipPropsSchema>;

export const RelationshipCreateSchema = z
  .object({
    id: IdSchema.optional(),
    type: RelationshipTypeSchema,
    from: IdSchema,
    to: IdSchema,
  })
  .merge(RelationshipPropsSchema)
  .strict()
  .refine((r) => r.from !== r.to, { message: 'a relationship cannot join a node to itself', path: ['to'] })
  .refine((r) => !r.startDate || !r.endDate || r.startDate <= r.endDate, {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
  })
  .superRefine((r, ctx) => {
    const issue = levelIssue(r.type, r.level);
    if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue, path: ['level'] });
  });
export type RelationshipCreate = z.infer<typeof RelationshipCreateSchema>;

/** A partial update of a relationship's properties; null removes one. Type and ends never change. */
export const RelationshipUpdateSchema = z
  .object(
    Object.fromEntries(
      Object.entries(RelationshipPropsSchema.shape).map(([k, v]) => [k, (v as z.ZodTypeAny).nullable()]),
    ) as { [K in keyof RelationshipProps]-?: z.ZodNullable<z.ZodOptional<z.ZodTypeAny>> },
  )
  .strict()
  .refine((o) => Object.keys(o).length > 0, 'an update must change at least one field');
