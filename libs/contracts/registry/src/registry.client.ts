import { Injectable } from '@nestjs/common';
import { BusClient } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import { REGISTRY_REQUESTS } from './registry.requests';
import type { CreateUnitRequest, ListUnitsQuery, LocateQuery, UpdateUnitBody } from './unit.dto';
import type { LocateResult, UnitView } from './unit.types';

/** The registry's commands and queries, typed, for any other service or the gateway. */
@Injectable()
export class RegistryClient {
  constructor(private readonly bus: BusClient) {}

  createUnit(caller: Caller, request: CreateUnitRequest): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.createUnit, request, { caller });
  }

  updateUnit(caller: Caller, code: string, changes: UpdateUnitBody): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.updateUnit, { code, changes }, { caller });
  }

  getUnit(caller: Caller, code: string): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.getUnit, { code }, { caller });
  }

  listUnits(caller: Caller, query: ListUnitsQuery): Promise<Page<UnitView>> {
    return this.bus.request(REGISTRY_REQUESTS.listUnits, query, { caller });
  }

  listChildren(caller: Caller, code: string): Promise<UnitView[]> {
    return this.bus.request(REGISTRY_REQUESTS.listChildren, { code }, { caller });
  }

  locate(caller: Caller, query: LocateQuery): Promise<LocateResult> {
    return this.bus.request(REGISTRY_REQUESTS.locate, query, { caller });
  }
}
