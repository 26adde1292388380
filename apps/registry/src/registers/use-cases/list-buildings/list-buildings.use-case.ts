import { Injectable } from '@nestjs/common';
import type { Page } from '@gridline/platform';
import type { BuildingView } from '@gridline/contracts-registry';
import { BuildingEntity } from '../../register.entities';
import { toBuildingView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository, likePattern } from '../../register.repository';
import type { ListBuildingsQuery } from './list-buildings.query';

/** The buildings in the caller's scope, by address. */
@Injectable()
export class ListBuildingsUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute({ caller, query }: ListBuildingsQuery): Promise<Page<BuildingView>> {
    assertMayList(caller, 'building');
    const page = await this.registers.page(BuildingEntity, caller, query, query.q ? [{ address: { $ilike: likePattern(query.q) } }] : [], { address: 'asc' });
    return { ...page, items: page.items.map(toBuildingView) };
  }
}
