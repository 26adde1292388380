import type { CategoryDetail, CategoryDetailDto, CategoryOwnerDto, TimeLimitDto } from '@gridline/contracts-registry';
import { fieldPath } from '@gridline/platform';
import type { CategoryEntity } from './category.entity';
import type { ResponsibilityRepository } from './responsibility.repository';
import { categoryInvalid } from './responsibility.errors';

/** Applies an owner to a category: exactly one of a level or an existing, active department. */
export async function applyOwner(list: ResponsibilityRepository, category: CategoryEntity, owner: CategoryOwnerDto): Promise<void> {
  if ((owner.level ? 1 : 0) + (owner.departmentCode ? 1 : 0) !== 1) {
    throw categoryInvalid('owner', 'must name exactly one of level or departmentCode');
  }
  if (owner.departmentCode) {
    const department = await list.findDepartment(owner.departmentCode);
    if (!department || !department.active) throw categoryInvalid('owner.departmentCode', `${owner.departmentCode} is not an active department`);
  }
  category.ownerLevel = owner.level ?? null;
  category.ownerDepartmentCode = owner.departmentCode ?? null;
}

/** A minor category must be complete: an owner and both limits; the handle limit no shorter than the accept limit when comparable. */
export function assertComplete(category: CategoryEntity): void {
  if (!category.parentCode) return;
  if (!category.ownerLevel && !category.ownerDepartmentCode) throw categoryInvalid('owner', 'is required for a minor category');
  if (!category.acceptLimit) throw categoryInvalid('acceptLimit', 'is required for a minor category');
  if (!category.handleLimit) throw categoryInvalid('handleLimit', 'is required for a minor category');
  if (category.acceptLimit.unit === category.handleLimit.unit && category.handleLimit.amount < category.acceptLimit.amount) {
    throw categoryInvalid('handleLimit', 'must not be shorter than acceptLimit');
  }
}

export function limitOf(limit: TimeLimitDto): { amount: number; unit: TimeLimitDto['unit'] } {
  return { amount: limit.amount, unit: limit.unit };
}

/**
 * A category's details as kept: codes unique, a value list with its (unique) choices and any other type without any,
 * and only on a minor category (what a report is filed under).
 */
export function detailsOf(category: CategoryEntity, details: CategoryDetailDto[]): CategoryDetail[] {
  if (details.length && !category.parentCode) throw categoryInvalid('details', 'only a minor category takes details');
  const codes = new Set<string>();
  return details.map((d, i) => {
    if (codes.has(d.code)) throw categoryInvalid(fieldPath('details', i, 'code'), `${d.code} is given twice`);
    codes.add(d.code);
    const list = d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist';
    const values = d.values ?? [];
    if (list && values.length === 0) throw categoryInvalid(fieldPath('details', i, 'values'), `is required for a ${d.datatype}`);
    if (!list && values.length) throw categoryInvalid(fieldPath('details', i, 'values'), `is only for a value list, not a ${d.datatype}`);
    if (new Set(values.map((v) => v.key)).size !== values.length) throw categoryInvalid(fieldPath('details', i, 'values'), 'must not repeat a key');
    return { code: d.code, description: d.description.trim(), datatype: d.datatype, required: d.required, values: values.map((v) => ({ key: v.key, name: v.name.trim() })) };
  });
}
