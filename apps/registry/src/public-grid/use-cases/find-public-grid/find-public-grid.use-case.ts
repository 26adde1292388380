import { Injectable } from '@nestjs/common';
import { requirePublicCaller } from '@gridline/auth';
import { AppError, CommonErrorCode, fieldInvalid, chinaDay } from '@gridline/platform';
import { PUBLIC_GRID_MAX_CANDIDATES, RegistryErrorCode, type LocateResult, type PublicGridResult, type PublicGridView } from '@gridline/contracts-registry';

import { UnitRepository } from '../../../unit/unit.repository';
import { GridLocator } from '../../../unit/grid-locator';
import { PublicGridRepository, normaliseAddress } from '../../public-grid.repository';
import type { FindPublicGridQuery } from './find-public-grid.query';

function invalid(field: string, reason: string): AppError {
  return fieldInvalid(CommonErrorCode.ValidationFailed, field, reason);
}

/**
 * "Something to find, find the grid member": a point or an address → the grid, its community and street, and its
 * grid staff with the posts' published work phones. It answers the public caller only, and carries nothing personal.
 */
@Injectable()
export class FindPublicGridUseCase {
  constructor(
    private readonly locator: GridLocator,
    private readonly units: UnitRepository,
    private readonly lookup: PublicGridRepository,
  ) {}

  async execute({ caller, query }: FindPublicGridQuery): Promise<PublicGridResult> {
    // Made for the public: a user's or a service's caller has its own routes, with scope.
    requirePublicCaller(caller, 'The public grid lookup');
    const { lat, lng, address } = query;
    const byPoint = lat !== undefined || lng !== undefined;
    if (byPoint && address !== undefined) throw invalid('address', 'cannot be given with lat and lng: look up a point or an address');
    if (byPoint) {
      if (lat === undefined) throw invalid('lat', 'is required with lng');
      if (lng === undefined) throw invalid('lng', 'is required with lat');
      const grid = await this.locator.gridAt(lat, lng);
      if (!grid) throw new AppError(RegistryErrorCode.NoGridAtPoint, 'not_found', `No grid contains the point (${lat}, ${lng})`, { lat, lng });
      return { grids: await this.withStaff([{ place: await this.locator.describe(grid) }]) };
    }
    if (address === undefined) throw invalid('lat', 'and lng, or address, are required');
    const normalised = normaliseAddress(address);
    if (normalised.length < 2) throw invalid('address', 'must hold at least 2 letters or digits');
    const matches = await this.lookup.gridsByAddress(normalised, PUBLIC_GRID_MAX_CANDIDATES);
    if (matches.length === 0) throw new AppError(CommonErrorCode.NotFound, 'not_found', 'No building of an active grid matches the address', {});
    const grids = new Map((await this.units.findByCodes(matches.map((m) => m.gridCode))).map((g) => [g.code, g]));
    const places = [];
    for (const match of matches) {
      const grid = grids.get(match.gridCode);
      if (grid) places.push({ place: await this.locator.describe(grid), matchedAddresses: match.addresses });
    }
    return { grids: await this.withStaff(places) };
  }

  private async withStaff(places: { place: LocateResult; matchedAddresses?: string[] }[]): Promise<PublicGridView[]> {
    const staff = await this.lookup.gridStaff(places.map((p) => p.place.grid.code), chinaDay());
    return places.map(({ place, matchedAddresses }) => ({
      grid: { code: place.grid.code, name: place.grid.name, level: place.grid.level === 'exclusive_grid' ? 'exclusive_grid' : 'grid', kind: place.grid.kind },
      community: place.community ? { code: place.community.code, name: place.community.name } : null,
      street: { code: place.street.code, name: place.street.name },
      staff: staff.filter((s) => s.gridCode === place.grid.code).map((s) => ({ name: s.name, role: 'grid_staff' as const, workPhone: s.workPhone })),
      ...(matchedAddresses ? { matchedAddresses } : {}),
      partyBranch: null,
      redStation: null,
    }));
  }
}
