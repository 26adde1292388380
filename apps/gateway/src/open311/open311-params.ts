import type { FieldError } from '@gridline/platform';
import { Open311Error } from './open311-error';
import type { Open311Settings } from './open311.settings';

/** Query strings and form bodies as Fastify parses them: a repeated name comes as a list. */
export type Open311Params = Record<string, string | string[] | undefined>;

/**
 * The parameters of a POST: those of the query string and those of the body, the body's winning a name both give.
 * The specification's own machine-readable description declares every POST parameter (api_key too) as a query
 * parameter, and clients follow it. A body that is not a set of fields (a JSON array, a string) is refused.
 */
export function postParams(query: unknown, body: unknown): Open311Params {
  const fromBody = body === undefined || body === null || body === '' ? {} : body;
  if (typeof fromBody !== 'object' || Array.isArray(fromBody)) {
    throw Open311Error.badRequest('The request must be form-encoded (application/x-www-form-urlencoded or multipart/form-data)');
  }
  const fromQuery = typeof query === 'object' && query !== null ? query : {};
  return { ...(fromQuery as Open311Params), ...(fromBody as Open311Params) };
}

/** The api_key a POST sent, as `postParams` reads it (the body's, else the query string's), for the rate limits. */
export function sentApiKey(query: unknown, body: unknown): string | undefined {
  for (const source of [body, query]) {
    const key = typeof source === 'object' && source !== null ? (source as { api_key?: unknown }).api_key : undefined;
    if (typeof key === 'string' && key !== '') return key;
  }
  return undefined;
}

/** The first of a parameter given more than once (media_url: one photo per request is what GET answers). */
export function first(params: Open311Params, name: string): string | undefined {
  const value = params[name];
  const text = (Array.isArray(value) ? value.find((v) => v.trim() !== '') : value)?.trim();
  return text ? text : undefined;
}

/**
 * The fields of a form, each given once (`single`) — but `media_url`, which clients that send several photos repeat:
 * the first is kept (GET answers one).
 */
export function formFields(params: Open311Params, fields: readonly string[]): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const field of fields) {
    const value = field === 'media_url' ? first(params, field) : single(params, field);
    if (value !== undefined) plain[field] = value;
  }
  return plain;
}

/** A whole number parameter within bounds (page, page_size), or the default when absent. */
export function wholeNumber(params: Open311Params, name: string, min: number, max: number, fallback: number): number {
  const text = single(params, name);
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) throw Open311Error.badRequest(`${name} must be a whole number from ${min} to ${max}`);
  return Number(text);
}

/**
 * One parameter's value. The specification's "optional" means that an empty value is the same as none; a parameter
 * given twice is refused rather than guessed at.
 */
export function single(params: Open311Params, name: string): string | undefined {
  const value = params[name];
  if (Array.isArray(value)) throw Open311Error.badRequest(`${name} was given more than once`);
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A comma-delimited parameter (`status=open,closed`), without empty entries or repeats. */
export function commaList(params: Open311Params, name: string): string[] | undefined {
  const value = single(params, name);
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

/** The endpoint serves one jurisdiction: jurisdiction_id may be left out; when configured, another one is not found. */
export function checkJurisdiction(settings: Open311Settings, params: Open311Params): void {
  const given = single(params, 'jurisdiction_id');
  if (given !== undefined && settings.jurisdictionId !== null && given !== settings.jurisdictionId) {
    throw Open311Error.notFound(`jurisdiction_id ${given} was not found; this endpoint serves ${settings.jurisdictionId}`);
  }
}

/** Field errors (of the form's validation, or the hotline's) as the specification's descriptions, `field: reasons`. */
export function describeFields(fields: FieldError[] | undefined, rename: Record<string, string> = {}, fallback = 'The request is not valid'): string[] {
  if (!fields?.length) return fields ? [] : [fallback];
  return fields.map((f) => `${rename[f.field] ?? f.field}: ${f.reasons.join('; ')}`);
}
