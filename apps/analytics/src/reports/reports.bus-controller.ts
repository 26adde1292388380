import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsolationLevel } from '@mikro-orm/core';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, MonthlyReportQuery } from '@gridline/contracts-analytics';
import { GetMonthlyReportQuery } from './use-cases/get-monthly-report/get-monthly-report.query';
import { GetMonthlyReportUseCase } from './use-cases/get-monthly-report/get-monthly-report.use-case';

// One snapshot for the whole report (its repository's snapshot joins it): the sections agree.
@BoundedRead({ isolationLevel: IsolationLevel.REPEATABLE_READ })
@Controller()
export class ReportsBusController {
  constructor(private readonly monthly: GetMonthlyReportUseCase) {}

  @MessagePattern(ANALYTICS_REQUESTS.monthlyReport.pattern)
  monthlyReport(@Payload() query: MonthlyReportQuery, @BusCaller() caller: Caller) {
    return this.monthly.execute(new GetMonthlyReportQuery(caller, query));
  }
}
