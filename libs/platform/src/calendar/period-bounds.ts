import { chinaMidnight } from './china-time';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;


/**
 * The first instant of a period whose start was given as `from` in a query: a date-only value is the start of that
 * day in China time (not UTC midnight, eight hours later); a date-time is taken as it is.
 */
export function periodStart(from: string): Date {
  return DATE_ONLY.test(from) ? chinaMidnight(from) : new Date(from);
}

/**
 * The first instant after a period whose end was given as `to` in a query, to compare with `<`: a date-only value
 * includes that whole day in China time (`to=2026-11-30` counts the 30th); a date-time is the end itself, excluded.
 */
export function periodEnd(to: string): Date {
  return DATE_ONLY.test(to) ? new Date(chinaMidnight(to).getTime() + DAY_MS) : new Date(to);
}
