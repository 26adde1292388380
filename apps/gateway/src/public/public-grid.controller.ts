import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_CALLER } from '@gridline/auth';
import { Public } from '@gridline/platform';
import { PublicGridQuery, RegistryClient, type PublicGridView } from '@gridline/contracts-registry';
import { OrganisationsClient, StationsClient, type PublicBranchView, type PublicStationView } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { PartAsker, dataOr } from '../http/parts';

/** The lookup's answer: the registry's grids, with their party branch and the nearest red station filled in by party building. */
export interface PublicGridAnswer {
  grids: (Omit<PublicGridView, 'redStation' | 'partyBranch'> & { partyBranch: Omit<PublicBranchView, 'unitCode'> | null; redStation: PublicStationView | null })[];
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
    private readonly organisations: OrganisationsClient,
    private readonly parts: PartAsker,
  ) {}

  @Get('grid')
  @ApiOperation({
    summary: 'Find the grid and its grid staff for a point or an address (no token)',
    description: [
      'Give `lat` and `lng` (WGS 84), or `address` — not both. A point answers the one grid containing it (an exclusive grid over an ordinary one wins).',
      "An address is matched, without spaces, punctuation or case and with full-width characters folded, as a substring of the addresses of the registry's buildings in active grids: up to 5 grids, those with the most matching buildings first, each with up to 3 of the addresses that matched.",
      "Each grid comes with its community and street (codes and names) and its current grid staff: the name and the post's **published work phone** (`workPhone` of the assignment, null when none was given) — never a personal phone.",
      '`partyBranch`: the grid\'s active party branch (一网格一支部; an exclusive grid\'s joint branch), its name and level only — null when the grid has none or while party building does not answer. `redStation`: for a point, the nearest active red station (红色驿站) with its public fields, as GET /party/stations/nearest answers it (null for an address, when there is none, or while party building does not answer).',
      'No grid at the point or no building matching: 404. No token needed; per client address at most PUBLIC_LOOKUP_RATE_LIMIT (default 30 a minute), then 429 with Retry-After.',
    ].join('\n\n'),
  })
  @ApiOkResponse({ description: '`{ grids: [{ grid, community, street, staff: [{ name, role, workPhone }], matchedAddresses?, partyBranch: { name, level } | null, redStation: { name, address, location, openingHours, functions, contact, distanceMeters } | null }] }`' })
  async find(@Query() query: PublicGridQuery): Promise<PublicGridAnswer> {
    const found = await this.registry.findPublicGrid(PUBLIC_CALLER, query);
    const [redStation, branches] = await Promise.all([
      query.lat !== undefined && query.lng !== undefined ? this.nearestStation(query.lat, query.lng) : null,
      this.branchesOf(found.grids.map((g) => g.grid.code)),
    ]);
    return {
      grids: found.grids.map((grid) => {
        const branch = branches.get(grid.grid.code);
        return { ...grid, partyBranch: branch ? { name: branch.name, level: branch.level } : null, redStation };
      }),
    };
  }

  /** The grids' party branches, asked of party building as the public caller within PART_TIMEOUT_MS; none while it does not answer. */
  private async branchesOf(gridCodes: string[]): Promise<Map<string, PublicBranchView>> {
    if (gridCodes.length === 0) return new Map();
    const branches = dataOr(await this.parts.ask('public branches', () => this.organisations.publicBranches(PUBLIC_CALLER, gridCodes)), []);
    return new Map(branches.map((b) => [b.unitCode, b]));
  }

  /** The nearest red station, asked of party building as the public caller within PART_TIMEOUT_MS; none while it does not answer. */
  private async nearestStation(lat: number, lng: number): Promise<PublicStationView | null> {
    const [nearest] = dataOr(await this.parts.ask('nearest station', () => this.stations.nearest(PUBLIC_CALLER, { lat, lng, limit: 1 })), []);
    return nearest ?? null;
  }
}
