import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { UnitCodeParam } from '../units/unit-code.param';
import type { UnitOverview } from './unit-overview.types';
import { ReadUnitOverviewUseCase } from './use-cases/read-unit-overview/read-unit-overview.use-case';

const PART = "`{ status: 'ok', data }`, `{ status: 'unavailable', reason: 'timeout' | 'unavailable' | 'failed' }` or `{ status: 'forbidden' }`";

@ApiTags('grid map')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class OverviewController {
  constructor(private readonly readOverview: ReadUnitOverviewUseCase) {}

  @Get('units/:code/overview')
  @ApiOperation({
    summary: 'A grid (or any unit) in one call: its people, party organisation and secretary, red stations, open cases and this month’s figures',
    description: [
      'The unit comes from the registry as you (outside your scope or unknown: 404 for the whole answer), with its street and community (`name` null where your scope does not reach them).',
      `Then each part is asked of its service in parallel, as you, each within PART_TIMEOUT_MS (default 1.5 s), and is answered as ${PART}: a service that is down or slow leaves its part unavailable and the rest still answers (200); a part your roles or scope do not reach (the service answered 403 or 404) is \`forbidden\` and shows nothing.`,
      '- `staff` (registry, the people of GET /units/{code}/people): name, role, the published `workPhone` in clear, the personal `phone` masked only.',
      '- `party` (party building, PARTY_READERS): the active organisation bound to the unit itself (a grid’s branch, an exclusive grid’s joint branch, a community’s committee), its current officers with masked names and the secretary among them.',
      '- `stations` (party building, PARTY_READERS): the active red stations at or beneath the unit, at most 20, with `total`.',
      '- `cases` (incidents): the open cases at or beneath the unit by status (`open` their sum; `overdue` and `supervised` as GET /incidents/counts counts them).',
      '- `figures` (analytics, FIGURES_READERS): this month’s figures of the unit with last month’s beside them, as GET /analytics/figures?unit={code}&period=month answers them (cases, on-time rates, the hotline’s row, collection quality, and party figures for PARTY_READERS).',
      'Who sees which part: docs/access.md.',
    ].join('\n\n'),
  })
  @ApiOkResponse({
    description: `\`{ unit: { code, name, level, kind, active, parentCode }, street: { code, name } | null, community: { code, name } | null, staff: Part<[{ personId, name, role, workPhone, phone, startsOn }]>, party: Part<{ organisation: { id, name, level } | null, secretary: { role, memberName, startsOn } | null, officers: [...] }>, stations: Part<{ total, stations: [{ id, name, address, gridCode, location, openingHours, functions, contact }] }>, cases: Part<{ open, byStatus, overdue, supervised }>, figures: Part<GET /analytics/figures> }\`, each Part ${PART}`,
  })
  overview(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam): Promise<UnitOverview> {
    return this.readOverview.execute(caller, code);
  }
}
