import { Injectable } from '@nestjs/common';
import { scopeCovers, type Caller } from '@gridline/auth';
import type { JointDiscussionOwner, JointDiscussionOwnerDto } from '@gridline/contracts-incidents';
import { ReferenceRepository, RegistryReference, type ReferenceUnit } from '@gridline/registry-reference';
import { incidentInvalid } from '../incident/incident.errors';
import { ownersOf } from './joint-discussion-rules';

/** An owner a meeting named, checked: a department, or a unit with its registry record. */
export type CheckedOwner = { departmentCode: string } | { unitCode: string; unit: ReferenceUnit };

/** The owner as a case's discussion stores it: the code alone. */
export function storedOwner(owner: CheckedOwner): JointDiscussionOwner {
  return 'unitCode' in owner ? { unitCode: owner.unitCode } : { departmentCode: owner.departmentCode };
}

/** The fields a refusal names for the i-th owner: both or neither code, the department, the unit. */
export interface OwnerFields {
  owner(i: number): string;
  department(i: number): string;
  unit(i: number): string;
}

/**
 * The owners a joint meeting names (a case's discussion's owners, a candidate discussion's tasks), checked one way:
 * exactly one code each, a department active on the responsibility list, a unit known and in the caller's scope
 * (an unknown unit and one outside the scope are refused alike: the answer does not tell which exist) — 400 naming
 * the field, nothing stored.
 */
@Injectable()
export class MeetingOwners {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly registry: RegistryReference,
  ) {}

  /**
   * Whether each department named is active. Departments the local copy lacks are asked of the registry: call it
   * before the transaction, never inside it.
   */
  async departments(owners: readonly JointDiscussionOwnerDto[]): Promise<Map<string, boolean>> {
    const active = new Map<string, boolean>();
    for (const { departmentCode, unitCode } of owners) {
      if (departmentCode && !unitCode && !active.has(departmentCode)) active.set(departmentCode, await this.registry.isActiveDepartment(departmentCode));
    }
    return active;
  }

  /** Checks the owners in order (inside the transaction); `within` also limits units to those beneath a unit (the discussion's street). */
  async check(caller: Caller, owners: readonly JointDiscussionOwnerDto[], activeDepartments: ReadonlyMap<string, boolean>, fields: OwnerFields, within?: string): Promise<CheckedOwner[]> {
    const checked: CheckedOwner[] = [];
    for (const [i, owner] of ownersOf(owners, fields.owner).entries()) checked.push(await this.checkOne(caller, owner, i, activeDepartments, fields, within));
    return checked;
  }

  private async checkOne(caller: Caller, owner: JointDiscussionOwner, i: number, activeDepartments: ReadonlyMap<string, boolean>, fields: OwnerFields, within?: string): Promise<CheckedOwner> {
    if (!('unitCode' in owner)) {
      if (!activeDepartments.get(owner.departmentCode)) throw incidentInvalid(fields.department(i), `${owner.departmentCode} is not an active department of the responsibility list`);
      return owner;
    }
    const unit = await this.reference.unit(owner.unitCode);
    if (!unit || !scopeCovers(caller, unit.path) || (within !== undefined && !unit.path.includes(within))) throw incidentInvalid(fields.unit(i), `${owner.unitCode} is not a known unit in your scope`);
    return { unitCode: owner.unitCode, unit };
  }
}
