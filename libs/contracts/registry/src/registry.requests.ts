import { defineRequest } from '@gridline/messaging';
import type { Page } from '@gridline/platform';
import type { CreateUnitRequest, ListUnitsQuery, LocateQuery, UnitCodeRequest, UpdateUnitRequest } from './unit.dto';
import type { LocateResult, UnitView } from './unit.types';

/** Every command and query the registry answers over the bus. */
export const REGISTRY_REQUESTS = {
  createUnit: defineRequest<CreateUnitRequest, UnitView>('registry', 'registry.unit.create'),
  updateUnit: defineRequest<UpdateUnitRequest, UnitView>('registry', 'registry.unit.update'),
  getUnit: defineRequest<UnitCodeRequest, UnitView>('registry', 'registry.unit.get'),
  listUnits: defineRequest<ListUnitsQuery, Page<UnitView>>('registry', 'registry.unit.list'),
  listChildren: defineRequest<UnitCodeRequest, UnitView[]>('registry', 'registry.unit.children'),
  locate: defineRequest<LocateQuery, LocateResult>('registry', 'registry.unit.locate'),
} as const;
