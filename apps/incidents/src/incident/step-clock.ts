import { dueAfterLimit, type WorkingCalendar } from '@gridline/platform';
import type { TimeLimit } from '@gridline/contracts-registry';
import type { IncidentStep, IncidentUrgency } from '@gridline/contracts-incidents';

/** How much of a category's limit each urgency allows. */
export const URGENCY_FACTOR: Record<IncidentUrgency, number> = { normal: 1, urgent: 0.5, emergency: 0.25 };

/** The limit that applies to a step: accepting, dispatching and signing share the accept limit; verification has a day. */
export function limitOfStep(step: IncidentStep, limits: { accept: TimeLimit | null; handle: TimeLimit | null }): TimeLimit {
  switch (step) {
    case 'accept':
    case 'dispatch':
    case 'sign':
      return limits.accept ?? { amount: 1, unit: 'working_days' };
    case 'handle':
      return limits.handle ?? { amount: 5, unit: 'working_days' };
    case 'verify':
      return { amount: 1, unit: 'working_days' };
  }
}

/** The due time of a limit started at `from`, shortened by urgency, on the working-day calendar (the platform's one rule). */
export function dueAfter(calendar: WorkingCalendar, from: Date, limit: TimeLimit, urgency: IncidentUrgency): Date {
  return dueAfterLimit(calendar, from, limit, URGENCY_FACTOR[urgency]);
}

export interface StepClock {
  stepStartedAt: Date;
  warnAt: Date;
  dueAt: Date;
  redAt: Date;
}

/** The share of a step's time at which the warning card is given. */
export const WARNING_SHARE = 0.7;

/**
 * Warning at 70 % of the time, overdue at 100 %, red card at `redRatio` (e.g. 1.5) — shares of the working time
 * from the start to the due time, on the calendar, like the deadlines: a warning never falls at night or on a
 * holiday. A step whose time holds no working time (a natural-hours limit overnight) is measured in plain time.
 */
export function clockFor(calendar: WorkingCalendar, start: Date, due: Date, redRatio: number): StepClock {
  const working = calendar.workingHoursBetween(start, due);
  if (working > 0) {
    return {
      stepStartedAt: start,
      warnAt: calendar.addWorkingHours(start, working * WARNING_SHARE),
      dueAt: due,
      redAt: calendar.addWorkingHours(start, working * redRatio),
    };
  }
  const span = Math.max(due.getTime() - start.getTime(), 60_000);
  return {
    stepStartedAt: start,
    warnAt: new Date(start.getTime() + span * WARNING_SHARE),
    dueAt: due,
    redAt: new Date(start.getTime() + span * redRatio),
  };
}
