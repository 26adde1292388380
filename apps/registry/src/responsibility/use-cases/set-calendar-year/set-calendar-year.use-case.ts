import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { fieldInvalid, type AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, RegistryErrorCode, type CalendarYearView } from '@gridline/contracts-registry';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { SetCalendarYearCommand } from './set-calendar-year.command';

function calendarInvalid(field: string, reason: string): AppError {
  return fieldInvalid(RegistryErrorCode.CalendarInvalid, field, reason);
}

/** Replaces a year's holidays and make-up working days; deadlines everywhere follow by the event. */
@Injectable()
export class SetCalendarYearUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, year, holidays, workdays }: SetCalendarYearCommand): Promise<CalendarYearView> {
    assertMayKeepList(caller);
    const check = (field: 'holidays' | 'workdays', days: string[]) => {
      for (const day of days) {
        const date = new Date(`${day}T00:00:00Z`);
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) throw calendarInvalid(field, `${day} is not a calendar date`);
        if (date.getUTCFullYear() !== year) throw calendarInvalid(field, `${day} is not in ${year}`);
        const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
        if (field === 'workdays' && !weekend) throw calendarInvalid(field, `${day} is a weekday: a make-up working day is a Saturday or Sunday`);
      }
      if (new Set(days).size !== days.length) throw calendarInvalid(field, 'lists a day twice');
    };
    check('holidays', holidays);
    check('workdays', workdays);
    const both = holidays.find((d) => workdays.includes(d));
    if (both) throw calendarInvalid('workdays', `${both} is also a holiday`);

    const calendar: CalendarYearView = { year, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
    return this.transactions.run(async () => {
      const current = await this.list.calendarDays(year);
      const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
      const same = (kind: 'holiday' | 'workday', days: string[]) => JSON.stringify(current.filter((c) => c.kind === kind).map((c) => iso(c.day))) === JSON.stringify(days);
      if (same('holiday', calendar.holidays) && same('workday', calendar.workdays)) return calendar; // nothing changes, nothing to announce
      await this.list.replaceCalendarYear(year, calendar.holidays, calendar.workdays);
      this.outbox.record(REGISTRY_EVENTS.calendarChanged, String(year), { calendar });
      await this.list.flush();
      return calendar;
    });
  }
}
