import { OPEN311_MAX_PAGE, OPEN311_MAX_PAGE_SIZE } from '@gridline/contracts-hotline';
import type { PageRequest } from '@gridline/platform';
import { single, wholeNumber, type Open311Params } from './open311-params';
import { parseW3cDateTime } from './w3c-datetime';

const DAY = 86_400_000;
/** The specification's default and largest window. */
export const MAX_SPAN_DAYS = 90;

/**
 * `start_date` and `end_date` of a GET (requests, servicerequestupdates): W3C date-times at most 90 days apart; without
 * either, the last 90 days, open-ended so that what happened a moment ago is never missed; with one, 90 days from it or
 * up to it. Faults are added to `errors` (the caller reports them with its other faults); null then.
 */
export function readPeriod(params: Open311Params, errors: string[]): { from: Date; to?: Date } | null {
  const faults: string[] = [];
  const date = (name: string): Date | undefined => {
    const text = single(params, name);
    if (text === undefined) return undefined;
    const parsed = parseW3cDateTime(text);
    if (!parsed) faults.push(`${name} must be a W3C date-time with its time zone, e.g. 2026-11-01T00:00:00+08:00`);
    return parsed ?? undefined;
  };
  const start = date('start_date');
  const end = date('end_date');
  if (faults.length === 0) {
    const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY) : undefined);
    const from = start ?? new Date((to?.getTime() ?? Date.now()) - MAX_SPAN_DAYS * DAY);
    if (to && from > to) faults.push('start_date must not be after end_date');
    else if (to && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) faults.push(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
    else return { from, ...(to ? { to } : {}) };
  }
  errors.push(...faults);
  return null;
}

/** `page` (from 1) and `page_size` (1 to 1000, default 1000: the specification's "first 1000") as the bus's page and pageSize. */
export function readPage(params: Open311Params): Required<Pick<PageRequest, 'pageSize'>> & Pick<PageRequest, 'page'> {
  const pageSize = wholeNumber(params, 'page_size', 1, OPEN311_MAX_PAGE_SIZE, OPEN311_MAX_PAGE_SIZE);
  const page = wholeNumber(params, 'page', 1, OPEN311_MAX_PAGE, 1);
  return { pageSize, ...(page > 1 ? { page } : {}) };
}
