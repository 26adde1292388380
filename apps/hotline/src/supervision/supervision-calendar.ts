import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';

/** What the supervision needs of a calendar: working time forward and between two moments. */
export type WorkingClock = Pick<WorkingCalendar, 'addWorkingHours' | 'workingHoursBetween'>;

/**
 * The working-day calendar of the supervision's reminders: last, this and next year (China time) as the hotline's
 * copy of the registry has them in force — a year whose notice is loaded, else its provisional calendar (the
 * statutory holidays the law fixes) — the same calendar the deadlines are counted on. A local read: it asks no
 * other service, so a pass may make it inside its transaction, and a registry that is away changes nothing.
 */
@Injectable()
export class SupervisionCalendar {
  constructor(private readonly reference: ReferenceRepository) {}

  calendar(now: Date = new Date()): Promise<WorkingClock> {
    return this.reference.calendar(now);
  }
}
