import { Open311Error } from './open311-error';
import type { Open311Settings } from './open311.settings';

/** Query strings and form bodies as Fastify parses them: a repeated name comes as a list. */
export type Open311Params = Record<string, string | string[] | undefined>;

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
