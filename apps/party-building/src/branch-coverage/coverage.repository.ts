import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceUnit } from '@gridline/registry-reference';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { OrganisationLevel } from '@gridline/contracts-party-building';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** Where a coverage looks: the caller's units (null: everywhere) and the unit asked for (null: all of them). */
export interface CoverageArea {
  units: string[] | null;
  under: string | null;
}

function within<T extends { path: string[] }>(area: CoverageArea): FilterQuery<T>[] {
  const where: FilterQuery<T>[] = [];
  if (area.units) where.push({ path: { $overlap: area.units } } as FilterQuery<T>);
  if (area.under) where.push({ path: { $contains: [area.under] } } as FilterQuery<T>);
  return where;
}

/** The coverage's reads: active units of the map copy and active organisations, within an area (plain rows). */
@Injectable()
export class CoverageRepository {
  constructor(private readonly em: EntityManager) {}

  /** Active units of these levels in the area, from the service's copy of the registry's map. */
  activeUnits(levels: readonly UnitLevel[], area: CoverageArea): Promise<ReferenceUnit[]> {
    return this.em.find(ReferenceUnit, { $and: [{ level: { $in: [...levels] }, active: true }, ...within<ReferenceUnit>(area)] }, { disableIdentityMap: true });
  }

  /** Active organisations of these levels bound in the area. */
  activeOrganisations(levels: readonly OrganisationLevel[], area: CoverageArea): Promise<OrganisationEntity[]> {
    return this.em.find(OrganisationEntity, { $and: [{ level: { $in: [...levels] }, active: true }, ...within<OrganisationEntity>(area)] }, { disableIdentityMap: true });
  }
}
