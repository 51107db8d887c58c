/**
 * Saved views ("perspectives") of a workspace: a filter, a style and a layout under a name, shared by
 * the API (validation of what is stored) and the client (the save form, applying a view). One schema.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, NODE_TYPES } from './entities';

/** Network metrics stored on nodes as metrics_<name> (worker/metrics); the numeric ones a view may use. */
export const VIEW_METRICS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'pagerank', 'eigenvector', 'kcore', 'community', 'brokerCities', 'brokerRegions'] as const;
export type ViewMetric = (typeof VIEW_METRICS)[number];
/** The node property a metric is stored in. */
export const metricProperty = (metric: ViewMetric) => `metrics_${metric}` as const;
export type MetricProperty = ReturnType<typeof metricProperty>;
export const METRIC_PROPERTIES = VIEW_METRICS.map(metricProperty) as [MetricProperty, ...MetricProperty[]];

/** Stored number fields a node may be sized by, besides the metrics. */
export const SIZE_FIELDS = ['budgetEur', 'euShareEur'] as const;
export const SIZE_BY = [...METRIC_PROPERTIES, ...SIZE_FIELDS] as const;
export type SizeBy = (typeof SIZE_BY)[number];
/** Colour by node type (the default), by the node's city or region, by metric community, or a metric's gradient. */
export const COLOUR_BY = ['type', 'city', 'region', 'community', ...METRIC_PROPERTIES.filter((p) => p !== 'metrics_community')] as const;
export type ColourBy = (typeof COLOUR_BY)[number];
/** The client's layouts (client/src/views/layouts.ts LAYOUT_NAMES). */
export const VIEW_LAYOUTS = ['fcose', 'concentric', 'geographic'] as const;
export type ViewLayout = (typeof VIEW_LAYOUTS)[number];

const idList = z.array(IdSchema).max(200);

export const MetricRangeSchema = z
  .object({ metric: z.enum(VIEW_METRICS), min: z.number().finite().nullable().default(null), max: z.number().finite().nullable().default(null) })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: 'min must not be above max', path: ['max'] });
export type MetricRange = z.infer<typeof MetricRangeSchema>;

export const PeriodSchema = z
  .object({ from: IsoDateSchema.nullable().default(null), to: IsoDateSchema.nullable().default(null) })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'to must not be before from', path: ['to'] });
export type Period = z.infer<typeof PeriodSchema>;

export const ViewFilterSchema = z.object({
  /** null or absent: every type. */
  types: z.array(z.enum(NODE_TYPES)).min(1).nullable().default(null),
  /** A node passes a list when it passes for any one of its places (as the graph read's city/region/theme). */
  cities: idList.default([]),
  regions: idList.default([]),
  themes: idList.default([]),
  /** Dated nodes (projects…) whose startDate..endDate overlaps it; undated nodes pass. */
  period: PeriodSchema.nullable().default(null),
  /** Every range must hold; a node without the metric (not computed yet) does not pass. */
  metricRanges: z.array(MetricRangeSchema).max(VIEW_METRICS.length).default([]),
});
export type ViewFilter = z.infer<typeof ViewFilterSchema>;

export const ViewStyleSchema = z.object({
  sizeBy: z.enum(SIZE_BY).nullable().default(null),
  colourBy: z.enum(COLOUR_BY).default('type'),
});
export type ViewStyle = z.infer<typeof ViewStyleSchema>;

export const CameraSchema = z.object({
  zoom: z.number().positive().finite(),
  pan: z.object({ x: z.number().finite(), y: z.number().finite() }),
});

/** What a client sends to save a view (POST, or PUT to replace one). */
export const ViewInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).optional(),
  filter: ViewFilterSchema.default({}),
  style: ViewStyleSchema.default({}),
  layout: z.enum(VIEW_LAYOUTS).default('fcose'),
  camera: CameraSchema.nullable().default(null),
});
export type ViewInput = z.input<typeof ViewInputSchema>;
export type ViewDefinition = z.infer<typeof ViewInputSchema>;

/** A stored view as the API returns it. */
export interface SavedView extends ViewDefinition {
  id: string;
  workspaceId: string;
  /** Whether a read-only share link is live (the token itself is shown once, when made). */
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

export const emptyViewFilter = (): ViewFilter => ViewFilterSchema.parse({});
