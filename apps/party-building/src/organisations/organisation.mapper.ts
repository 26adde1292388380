import type { ReferenceUnit } from '@gridline/registry-reference';
import type { OrganisationEventData, OrganisationView } from '@gridline/contracts-party-building';
import type { OrganisationEntity } from './organisation.entity';

export function toOrganisationView(o: OrganisationEntity, unit: Pick<ReferenceUnit, 'name' | 'active'> | null | undefined): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    level: o.level,
    parentId: o.parentId,
    unitCode: o.unitCode,
    unitName: unit?.name ?? null,
    unitActive: unit?.active ?? false,
    active: o.active,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function toOrganisationEventData(o: OrganisationEntity, changed: string[]): OrganisationEventData {
  return { organisationId: o.id, level: o.level, parentId: o.parentId, unitCode: o.unitCode, unitPath: [...o.path], active: o.active, changed };
}
