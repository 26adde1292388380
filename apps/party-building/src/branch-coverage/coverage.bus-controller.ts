import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { CoverageQuery, PARTY_BUILDING_REQUESTS } from '@gridline/contracts-party-building';
import { ReportCoverageQuery } from './use-cases/report-coverage/report-coverage.query';
import { ReportCoverageUseCase } from './use-cases/report-coverage/report-coverage.use-case';

/** The branch coverage on the bus. */
@Controller()
export class CoverageBusController {
  constructor(private readonly reportCoverage: ReportCoverageUseCase) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.getCoverage.pattern)
  get(@Payload() query: CoverageQuery, @BusCaller() caller: Caller) {
    return this.reportCoverage.execute(new ReportCoverageQuery(caller, query.unit ?? null));
  }
}
