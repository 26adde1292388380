import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The hours of a service record: half-hour steps, more than 0 and at most 24 in one record, and at most 24 for a
 * member on one day in all. Stored and summed as integer half-hours, never as floats.
 */
export const SERVICE_HOURS = { step: 0.5, maxPerRecord: 24, maxPerDay: 24 } as const;

/** Half-hours a member may be credited on one day, all records but rejected ones together. */
export const MAX_HALF_HOURS_PER_DAY = SERVICE_HOURS.maxPerDay * 2;

/** Points of a record when none are given: one point per half-hour (two per hour), so no half-hour is lost. */
export const POINTS_PER_HALF_HOUR = 1;

/** Why a value is not the hours of one record (null when it is): a number, 0 < h ≤ 24, in steps of 0.5. */
export function serviceHoursProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number of hours';
  if (value <= 0) return 'must be more than 0';
  if (value > SERVICE_HOURS.maxPerRecord) return `must be at most ${SERVICE_HOURS.maxPerRecord}`;
  if (!Number.isInteger(value * 2)) return 'must be in steps of 0.5 hours';
  return null;
}

/** Hours checked by `serviceHoursProblem` as integer half-hours (exact: 1.5 h is 3). */
export function toHalfHours(hours: number): number {
  return Math.round(hours * 2);
}

/** Integer half-hours as hours (exact in binary floating point: every n/2 is). */
export function fromHalfHours(halfHours: number): number {
  return halfHours / 2;
}

/** The hours of one service record (see serviceHoursProblem). */
export function IsServiceHours(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isServiceHours',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property, value }) => `${property} ${serviceHoursProblem(value) ?? 'is invalid'}`, ...options },
      validator: { validate: (value: unknown) => serviceHoursProblem(value) === null },
    });
}
