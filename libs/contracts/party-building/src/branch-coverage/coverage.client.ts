import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { COVERAGE_REQUESTS } from './coverage.requests';
import type { CoverageQuery } from './coverage.dto';
import type { CoverageView } from './coverage.types';

/** The branch coverage of the grid, typed. */
@Injectable()
export class CoverageClient {
  constructor(private readonly bus: BusRequester) {}

  get(caller: Caller, query: CoverageQuery): Promise<CoverageView> {
    return this.bus.request(COVERAGE_REQUESTS.getCoverage, query, { caller });
  }
}
