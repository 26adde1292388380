import type { CategoryOwner, CategoryView, DepartmentView } from '@gridline/contracts-registry';
import type { CategoryEntity } from './category.entity';
import type { DepartmentEntity } from './department.entity';

export function toDepartmentView(d: DepartmentEntity): DepartmentView {
  return { code: d.code, name: d.name, contact: d.contact, active: d.active, updatedAt: d.updatedAt.toISOString() };
}

export function ownerOf(c: CategoryEntity): CategoryOwner | null {
  if (c.ownerDepartmentCode) return { level: null, departmentCode: c.ownerDepartmentCode };
  if (c.ownerLevel) return { level: c.ownerLevel, departmentCode: null };
  return null;
}

export function toCategoryView(c: CategoryEntity): CategoryView {
  return {
    code: c.code,
    name: c.name,
    parentCode: c.parentCode,
    kind: c.parentCode ? 'minor' : 'major',
    owner: ownerOf(c),
    acceptLimit: c.acceptLimit,
    handleLimit: c.handleLimit,
    urgency: c.urgency,
    details: c.details,
    active: c.active,
    updatedAt: c.updatedAt.toISOString(),
  };
}
