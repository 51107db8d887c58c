import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { ViewInputSchema } from '../../domain/views';
import { WorkspaceParamsSchema } from './common.schema';

export const ViewParamsSchema = WorkspaceParamsSchema.extend({ viewId: IdSchema });

/** A share token as made by SavedViews.share (24 random bytes, base64url); anything else is a 404 too. */
export const SharedParamsSchema = z.object({ token: z.string().min(1).max(200) });

/** The body of POST …/views and PUT …/views/:viewId (the whole view: name, filter, style, layout, camera). */
export const ViewBodySchema = ViewInputSchema.strict();
