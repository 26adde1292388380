import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { calendarInForce, cstYear, type WorkingCalendar } from '@gridline/platform';
import { RegistryClient } from '@gridline/contracts-registry';

/** What the supervision needs of a calendar: working time forward and between two moments. */
export type WorkingClock = Pick<WorkingCalendar, 'addWorkingHours' | 'workingHoursBetween'>;

/** How long a calendar read from the registry is used before it is read again. */
const TTL_MS = 5 * 60_000;

/**
 * The registry's working-day calendar for the supervision's reminders: last, this and next year (China time) as the
 * registry has them in force (loaded, or provisional). Read through `registry.calendar.get` as the service itself
 * and kept for five minutes; when the registry cannot answer, the provisional calendar of the same years (the
 * statutory holidays the law fixes) serves meanwhile, so a reminder is never put at night.
 */
@Injectable()
export class SupervisionCalendar {
  private readonly logger = new Logger(SupervisionCalendar.name);
  private cached: { year: number; at: number; calendar: WorkingCalendar } | undefined;

  constructor(private readonly registry: RegistryClient) {}

  async calendar(now: Date = new Date()): Promise<WorkingClock> {
    const year = cstYear(now);
    if (this.cached && this.cached.year === year && now.getTime() - this.cached.at < TTL_MS) return this.cached.calendar;
    const years = [year - 1, year, year + 1];
    try {
      const inForce = await Promise.all(years.map((y) => this.registry.getCalendar(SYSTEM_CALLER, y)));
      const calendar = calendarInForce(years, inForce).calendar;
      this.cached = { year, at: now.getTime(), calendar };
      return calendar;
    } catch (error) {
      this.logger.warn({ msg: 'registry calendar unavailable, using the provisional calendar', error: (error as Error).message });
      return calendarInForce(years, []).calendar;
    }
  }
}
