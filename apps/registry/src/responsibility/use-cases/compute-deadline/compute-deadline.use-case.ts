import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@gridline/platform';
import type { DeadlineQuery, DeadlineView, TimeLimit } from '@gridline/contracts-registry';
import { ResponsibilityRepository } from '../../responsibility.repository';

const HOUR = 3_600_000;

/** The deadline of a time limit started at a moment, on the configured working-day calendar. */
@Injectable()
export class ComputeDeadlineUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute(query: DeadlineQuery): Promise<DeadlineView> {
    const from = new Date(query.from);
    const limit: TimeLimit = { amount: query.amount, unit: query.unit };
    return { from: from.toISOString(), limit, deadline: (await this.deadline(from, limit)).toISOString() };
  }

  async deadline(from: Date, limit: TimeLimit): Promise<Date> {
    switch (limit.unit) {
      case 'natural_hours':
        return new Date(from.getTime() + limit.amount * HOUR);
      case 'natural_days':
        return new Date(from.getTime() + limit.amount * 24 * HOUR);
      case 'working_hours':
        return (await this.calendarFrom(from)).addWorkingHours(from, limit.amount);
      case 'working_days':
        return (await this.calendarFrom(from)).addWorkingDays(from, limit.amount);
    }
  }

  /** The configured holidays and make-up days of the start's year and the next (a limit may cross New Year). */
  private async calendarFrom(from: Date): Promise<WorkingCalendar> {
    const year = new Date(from.getTime() + 8 * HOUR).getUTCFullYear();
    const days = [...(await this.list.calendarDays(year)), ...(await this.list.calendarDays(year + 1))];
    const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
    return new WorkingCalendar({
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => iso(d.day)),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => iso(d.day)),
    });
  }
}
