import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { CoverageClient, CoverageQuery } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

/** One grid, one branch (一网格一支部): where the party organisation does not yet mirror the grid. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/coverage`)
export class CoverageController {
  constructor(private readonly coverage: CoverageClient) {}

  @Get()
  @Roles(...PARTY_READERS)
  @ApiOperation({
    summary:
      'Active grids without an active branch, branches bound to an inactive grid or without a current secretary, and per community the share covered and who directs its grid centre — in your scope, or in one unit of it',
  })
  get(@CurrentCaller() caller: Caller, @Query() query: CoverageQuery) {
    return this.coverage.get(caller, query);
  }
}
