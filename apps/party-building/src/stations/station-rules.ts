import { WEEKDAYS, type OpeningPeriod, type StationFunction } from '@gridline/contracts-party-building';
import { fieldPath } from '@gridline/platform';

/** A field at fault and why. `kind`: a 400 (the input is malformed) or a 422 (the rules refuse it). */
export interface StationProblem {
  field: string;
  reason: string;
  kind: 'validation' | 'rule_violation';
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The periods by day (Monday first) then opening time: how they are stored and answered. */
export function sortedOpeningHours(periods: readonly OpeningPeriod[]): OpeningPeriod[] {
  return periods
    .map(({ day, opens, closes }) => ({ day, opens, closes }))
    .sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || minutes(a.opens) - minutes(b.opens));
}

/**
 * Why the opening hours cannot stand (null: they can): each period closes after it opens, and no two periods of a
 * day overlap (one may close when the next opens). The field named is the period as given (`openingHours.2.closes`).
 */
export function openingHoursProblem(periods: readonly OpeningPeriod[]): StationProblem | null {
  for (const [i, p] of periods.entries()) {
    if (minutes(p.closes) <= minutes(p.opens)) return { field: fieldPath('openingHours', i, 'closes'), reason: `must be after opens (${p.opens})`, kind: 'validation' };
  }
  for (const [i, p] of periods.entries()) {
    const clash = periods.findIndex((q, j) => j !== i && q.day === p.day && minutes(q.opens) < minutes(p.closes) && minutes(p.opens) < minutes(q.closes));
    if (clash >= 0) return { field: fieldPath('openingHours', Math.max(i, clash)), reason: `overlaps ${fieldPath('openingHours', Math.min(i, clash))} on ${p.day}`, kind: 'validation' };
  }
  return null;
}

/** What a service record is checked against: the station and the record as given. */
export interface ServiceRecordInput {
  date: string;
  function: StationFunction;
  incidentId?: string;
}

/**
 * Why a station cannot take this record (null: it can): the station is active, offers the function, the day is
 * not after `today` (China), and only a mediation names an incident (its dispute).
 */
export function serviceRecordProblem(station: { active: boolean; functions: readonly StationFunction[] }, record: ServiceRecordInput, today: string): StationProblem | null {
  if (record.date > today) return { field: 'date', reason: 'is in the future', kind: 'validation' };
  if (record.incidentId !== undefined && record.function !== 'mediation') return { field: 'incidentId', reason: 'is given for a mediation only', kind: 'validation' };
  if (!station.active) return { field: 'stationId', reason: 'is a deactivated station', kind: 'rule_violation' };
  if (!station.functions.includes(record.function)) return { field: 'function', reason: `is not a function the station offers (${station.functions.join(', ')})`, kind: 'rule_violation' };
  return null;
}

/** Why a record cannot become a grid case (null: it can): only a social-conditions report of an active station. */
export function caseHandoffProblem(station: { active: boolean }, record: { function: StationFunction }): StationProblem | null {
  if (record.function !== 'social_conditions') return { field: 'recordId', reason: 'is not a social-conditions report (only those become grid cases)', kind: 'rule_violation' };
  if (!station.active) return { field: 'recordId', reason: 'belongs to a deactivated station', kind: 'rule_violation' };
  return null;
}
