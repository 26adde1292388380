import { chinaDay } from '@gridline/platform';
import { incidentInvalid } from '../incident/incident.errors';

/** Refuses (400, naming the field) a day after today in China: visits, sessions and meetings are logged after the fact. */
export function assertNotInFuture(field: string, day: string, now: Date = new Date()): void {
  if (day > chinaDay(now)) throw incidentInvalid(field, 'must not be in the future');
}
