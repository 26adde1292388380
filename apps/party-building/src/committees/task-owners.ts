import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { TaskOwnerKind } from '@gridline/contracts-party-building';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { PartyScope } from '../scope/party-scope';
import type { MemberUnitEntity } from './committee.entity';
import { isMemberOn } from './committee-rules';

/** Who may own a committee's task, and the owners' names for the answers. */
@Injectable()
export class TaskOwners {
  constructor(private readonly organisations: OrganisationRepository) {}

  /**
   * Why `owner` cannot own a task of the committee whose member units are given (null: it can): a member unit must
   * belong to the committee on `day`, an organisation be active and readable by the caller.
   */
  async problem(caller: Caller, owner: { kind: TaskOwnerKind; id: string }, memberUnits: readonly MemberUnitEntity[], day: string): Promise<string | null> {
    if (owner.kind === 'member_unit') {
      const unit = memberUnits.find((u) => u.id === owner.id);
      return unit && isMemberOn(unit, day) ? null : 'is not a member unit of the committee';
    }
    const organisation = await this.organisations.findById(owner.id);
    return organisation?.active && PartyScope.reads(caller, organisation.path) ? null : 'is not an active organisation in your scope';
  }

  /** Owner id → name, for the given owners (member units from the committee's list, organisations looked up). */
  async names(owners: readonly { ownerKind: TaskOwnerKind; ownerId: string }[], memberUnits: readonly MemberUnitEntity[]): Promise<Map<string, string>> {
    const names = new Map(memberUnits.map((u) => [u.id, u.name]));
    for (const id of new Set(owners.filter((o) => o.ownerKind === 'organisation').map((o) => o.ownerId))) {
      const organisation = await this.organisations.findById(id);
      if (organisation) names.set(id, organisation.name);
    }
    return names;
  }
}
