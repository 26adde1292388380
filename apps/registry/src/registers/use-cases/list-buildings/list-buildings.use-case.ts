import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { BuildingView } from '@gridline/contracts-registry';
import { toBuildingView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { ListBuildingsQuery } from './list-buildings.query';

/** The buildings in the caller's scope, by address. */
@Injectable()
export class ListBuildingsUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute({ caller, query }: ListBuildingsQuery): Promise<OffsetPage<BuildingView>> {
    assertMayList(caller, 'building');
    const page = await this.registers.listBuildings(caller, query);
    return { ...page, items: page.items.map(toBuildingView) };
  }
}
