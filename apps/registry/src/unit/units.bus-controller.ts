import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  CreateUnitRequest,
  ListUnitsQuery as ListUnitsFilter,
  LocateQuery,
  REGISTRY_REQUESTS,
  UnitCodeRequest,
  UpdateUnitRequest,
} from '@gridline/contracts-registry';
import { CreateUnitCommand } from './use-cases/create-unit/create-unit.command';
import { CreateUnitUseCase } from './use-cases/create-unit/create-unit.use-case';
import { GetUnitQuery } from './use-cases/get-unit/get-unit.query';
import { GetUnitUseCase } from './use-cases/get-unit/get-unit.use-case';
import { ListUnitChildrenQuery } from './use-cases/list-unit-children/list-unit-children.query';
import { ListUnitChildrenUseCase } from './use-cases/list-unit-children/list-unit-children.use-case';
import { ListUnitsQuery } from './use-cases/list-units/list-units.query';
import { ListUnitsUseCase } from './use-cases/list-units/list-units.use-case';
import { LocatePointQuery } from './use-cases/locate-point/locate-point.query';
import { LocatePointUseCase } from './use-cases/locate-point/locate-point.use-case';
import { UpdateUnitCommand } from './use-cases/update-unit/update-unit.command';
import { UpdateUnitUseCase } from './use-cases/update-unit/update-unit.use-case';

/** The registry's unit commands and queries on the bus: input to command, then the use case. */
@Controller()
export class UnitsBusController {
  constructor(
    private readonly createUnit: CreateUnitUseCase,
    private readonly updateUnit: UpdateUnitUseCase,
    private readonly getUnit: GetUnitUseCase,
    private readonly listUnitChildren: ListUnitChildrenUseCase,
    private readonly listUnits: ListUnitsUseCase,
    private readonly locatePoint: LocatePointUseCase,
  ) {}

  @MessagePattern(REGISTRY_REQUESTS.createUnit.pattern)
  @Idempotent()
  create(@Payload() request: CreateUnitRequest, @BusCaller() caller: Caller) {
    return this.createUnit.execute(new CreateUnitCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateUnit.pattern)
  update(@Payload() request: UpdateUnitRequest, @BusCaller() caller: Caller) {
    return this.updateUnit.execute(new UpdateUnitCommand(caller, request.code, request.changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getUnit.pattern)
  get(@Payload() request: UnitCodeRequest, @BusCaller() caller: Caller) {
    return this.getUnit.execute(new GetUnitQuery(caller, request.code));
  }

  @MessagePattern(REGISTRY_REQUESTS.listChildren.pattern)
  children(@Payload() request: UnitCodeRequest, @BusCaller() caller: Caller) {
    return this.listUnitChildren.execute(new ListUnitChildrenQuery(caller, request.code));
  }

  @MessagePattern(REGISTRY_REQUESTS.listUnits.pattern)
  list(@Payload() request: ListUnitsFilter, @BusCaller() caller: Caller) {
    return this.listUnits.execute(new ListUnitsQuery(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.locate.pattern)
  locate(@Payload() request: LocateQuery, @BusCaller() caller: Caller) {
    return this.locatePoint.execute(new LocatePointQuery(caller, request.lat, request.lng));
  }
}
