import { incidentInvalid } from '../incident/incident.errors';

const HOUR_MS = 3_600_000;

/** Today as YYYY-MM-DD in China Standard Time (UTC+8 all year), whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/** Refuses (400, naming the field) a day after today in China: visits, sessions and meetings are logged after the fact. */
export function assertNotInFuture(field: string, day: string, now: Date = new Date()): void {
  if (day > chinaToday(now)) throw incidentInvalid(field, 'must not be in the future');
}
