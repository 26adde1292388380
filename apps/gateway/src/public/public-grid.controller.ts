import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_CALLER } from '@gridline/auth';
import { Public } from '@gridline/platform';
import { PublicGridQuery, RegistryClient } from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

/**
 * "Something to find, find the grid member" (有事找网格员): residents find their grid and its grid staff without a
 * token. Rate-limited per address (PUBLIC_LOOKUP_RATE_LIMIT). The registry is asked as the public caller, which only
 * this lookup's handler accepts; the answer carries names and published work phones, nothing personal.
 */
@ApiTags('public')
@Public()
@ApiProblems()
@Controller(`${API_PREFIX}/public`)
export class PublicGridController {
  constructor(private readonly registry: RegistryClient) {}

  @Get('grid')
  @ApiOperation({
    summary: 'Find the grid and its grid staff for a point or an address (no token)',
    description: [
      'Give `lat` and `lng` (WGS 84), or `address` — not both. A point answers the one grid containing it (an exclusive grid over an ordinary one wins).',
      "An address is matched, without spaces, punctuation or case and with full-width characters folded, as a substring of the addresses of the registry's buildings in active grids: up to 5 grids, those with the most matching buildings first, each with up to 3 of the addresses that matched.",
      "Each grid comes with its community and street (codes and names) and its current grid staff: the name and the post's **published work phone** (`workPhone` of the assignment, null when none was given) — never a personal phone.",
      '`partyBranch` and `redStation` (the nearest red station, 红色驿站) are null until party building exists.',
      'No grid at the point or no building matching: 404. No token needed; per client address at most PUBLIC_LOOKUP_RATE_LIMIT (default 30 a minute), then 429 with Retry-After.',
    ].join('\n\n'),
  })
  @ApiOkResponse({ description: '`{ grids: [{ grid, community, street, staff: [{ name, role, workPhone }], matchedAddresses?, partyBranch: null, redStation: null }] }`' })
  find(@Query() query: PublicGridQuery) {
    return this.registry.findPublicGrid(PUBLIC_CALLER, query);
  }
}
