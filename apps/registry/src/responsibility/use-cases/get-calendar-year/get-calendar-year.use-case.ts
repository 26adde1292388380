import { Injectable } from '@nestjs/common';
import type { CalendarYearInForceView } from '@gridline/contracts-registry';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { GetCalendarYearQuery } from './get-calendar-year.query';

/** The year as loaded, or provisional (the holidays the law fixes) while its notice is not loaded. */
@Injectable()
export class GetCalendarYearUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute({ year }: GetCalendarYearQuery): Promise<CalendarYearInForceView> {
    const { holidays, workdays, provisional } = await this.list.calendarYearInForce(year);
    return { year, holidays: [...holidays], workdays: [...workdays], provisional };
  }
}
