import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_CALLER } from '@gridline/auth';
import { AppError, Public } from '@gridline/platform';
import { PublicGridQuery, RegistryClient, type PublicGridView } from '@gridline/contracts-registry';
import { StationsClient, type PublicStationView } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

/** The lookup's answer: the registry's grids, with the nearest red station filled in by party building. */
export interface PublicGridAnswer {
  grids: (Omit<PublicGridView, 'redStation'> & { redStation: PublicStationView | null })[];
}

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
  constructor(
    private readonly registry: RegistryClient,
    private readonly stations: StationsClient,
  ) {}

  @Get('grid')
  @ApiOperation({
    summary: 'Find the grid and its grid staff for a point or an address (no token)',
    description: [
      'Give `lat` and `lng` (WGS 84), or `address` — not both. A point answers the one grid containing it (an exclusive grid over an ordinary one wins).',
      "An address is matched, without spaces, punctuation or case and with full-width characters folded, as a substring of the addresses of the registry's buildings in active grids: up to 5 grids, those with the most matching buildings first, each with up to 3 of the addresses that matched.",
      "Each grid comes with its community and street (codes and names) and its current grid staff: the name and the post's **published work phone** (`workPhone` of the assignment, null when none was given) — never a personal phone.",
      '`redStation`: for a point, the nearest active red station (红色驿站) with its public fields, as GET /party/stations/nearest answers it (null for an address, when there is none, or while party building does not answer). `partyBranch` is null until party building fills it.',
      'No grid at the point or no building matching: 404. No token needed; per client address at most PUBLIC_LOOKUP_RATE_LIMIT (default 30 a minute), then 429 with Retry-After.',
    ].join('\n\n'),
  })
  @ApiOkResponse({ description: '`{ grids: [{ grid, community, street, staff: [{ name, role, workPhone }], matchedAddresses?, partyBranch: null, redStation: { name, address, location, openingHours, functions, contact, distanceMeters } | null }] }`' })
  async find(@Query() query: PublicGridQuery): Promise<PublicGridAnswer> {
    const found = await this.registry.findPublicGrid(PUBLIC_CALLER, query);
    const redStation = query.lat !== undefined && query.lng !== undefined ? await this.nearestStation(query.lat, query.lng) : null;
    return { grids: found.grids.map((grid) => ({ ...grid, redStation })) };
  }

  /** The nearest red station, asked of party building as the public caller; none while party building does not answer. */
  private async nearestStation(lat: number, lng: number): Promise<PublicStationView | null> {
    try {
      const [nearest] = await this.stations.nearest(PUBLIC_CALLER, { lat, lng, limit: 1 });
      return nearest ?? null;
    } catch (error) {
      if (error instanceof AppError && (error.kind === 'unavailable' || error.kind === 'timeout')) return null;
      throw error;
    }
  }
}
