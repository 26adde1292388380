import type { Caller } from '@gridline/auth';
import type { MonthlyReportQuery } from '@gridline/contracts-analytics';

export class GetMonthlyReportQuery {
  constructor(
    readonly caller: Caller,
    readonly query: MonthlyReportQuery,
  ) {}
}
