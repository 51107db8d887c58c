/**
 * Errors with an HTTP status and a stable code, made by a few factories and rendered by one handler.
 * Clients get {error: {code, message, details?}}; never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ZodError } from 'zod';
import type { Logger } from './infra/logger';
import { IndexBuilding } from './services/followed-index';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const zodDetails = (error: ZodError, prefix = ''): ErrorDetail[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path].filter((p) => p !== '').join('.') || '(body)', message: i.message }));

export const validationFailed = (error: ZodError, where: 'body' | 'query' | 'params' = 'body') =>
  new AppError(400, 'VALIDATION_FAILED', `The request ${where} is not valid`, zodDetails(error, where === 'body' ? '' : where));
export const badRequest = (code: string, message: string, details?: ErrorDetail[]) => new AppError(400, code, message, details);
export const notFound = (what: string, id: string) => new AppError(404, 'NOT_FOUND', `${what} "${id}" was not found`);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(409, code, message, undefined, extra);
export const unprocessable = (code: string, message: string) => new AppError(422, code, message);
export const unavailable = (code: string, message: string) => new AppError(503, code, message);
const INDEX_RETRY_AFTER_S = 5;
/** An index a read needs is still being built (IndexBuilding): 503 with Retry-After. */
export const indexBuilding = (message: string, buildingForMs: number) =>
  new AppError(503, 'INDEX_BUILDING', message, undefined, { retryAfterSeconds: INDEX_RETRY_AFTER_S, buildingForMs });
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);
export const forbidden = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(403, code, message, undefined, extra);
export const gone = (code: string, message: string) => new AppError(410, code, message);
export const locked = (code: string, message: string) => new AppError(423, code, message);
export const payloadTooLarge = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(413, code, message, undefined, extra);
export const unsupportedMediaType = (code: string, message: string) => new AppError(415, code, message);
export const tooManyRequests = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(429, code, message, undefined, extra);

/** The HTTP answer for a change the worker rejected (codes from domain/rejections). */
export function fromRejection(code: string, reason: string): AppError {
  switch (code) {
    case 'VERSION_CONFLICT':
    case 'ID_TAKEN':
    case 'ALREADY_EXISTS':
    case 'ALREADY_UNMERGED':
    case 'ID_IN_USE':
      return new AppError(409, code, reason);
    case 'NOT_FOUND':
    case 'TYPE_MISMATCH':
    case 'WORKSPACE_NOT_FOUND':
      return new AppError(404, code, reason);
    case 'DATABASE_UNAVAILABLE':
      return new AppError(503, code, reason);
    case 'APPLY_FAILED':
      return new AppError(500, code, reason);
    default:
      return new AppError(422, code, reason);
  }
}

export const notFoundRoute: RequestHandler = (req, _res, next) =>
  next(new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`));

/** Express's body parser errors, mapped to our codes. */
function fromBodyParser(err: { type?: string; status?: number; message: string }): AppError | null {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'entity.parse.failed':
      return new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'UNSUPPORTED_ENCODING', err.message);
    default:
      return null;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = err instanceof AppError ? err : err instanceof IndexBuilding ? indexBuilding(err.message, err.forMs) : fromBodyParser(err);
    if (!appError) logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    const e = appError ?? new AppError(500, 'INTERNAL', 'Something went wrong on our side');
    if (e.status === 503 && typeof e.extra?.retryAfterSeconds === 'number') res.set('Retry-After', String(e.extra.retryAfterSeconds));
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details && { details: e.details }), ...e.extra } });
  };
}
