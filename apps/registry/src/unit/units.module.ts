import { Module } from '@nestjs/common';
import { GridLocator } from './grid-locator';
import { UnitRepository } from './unit.repository';
import { UnitBoundaryRules } from './unit-boundary.rules';
import { UnitsBusController } from './units.bus-controller';
import { CreateUnitUseCase } from './use-cases/create-unit/create-unit.use-case';
import { GetUnitUseCase } from './use-cases/get-unit/get-unit.use-case';
import { ListUnitChildrenUseCase } from './use-cases/list-unit-children/list-unit-children.use-case';
import { ListUnitsUseCase } from './use-cases/list-units/list-units.use-case';
import { LocatePointUseCase } from './use-cases/locate-point/locate-point.use-case';
import { UpdateUnitUseCase } from './use-cases/update-unit/update-unit.use-case';

@Module({
  controllers: [UnitsBusController],
  providers: [UnitRepository, UnitBoundaryRules, GridLocator, CreateUnitUseCase, UpdateUnitUseCase, GetUnitUseCase, ListUnitChildrenUseCase, ListUnitsUseCase, LocatePointUseCase],
  exports: [UnitRepository, GridLocator],
})
export class UnitsModule {}
