import { Injectable } from '@nestjs/common';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { RegistrationView } from '@gridline/contracts-party-building';
import type { RegistrationEntity } from './registration.entity';
import { toRegistrationView } from './registration.mapper';
import { RegistrationMembers } from './registration-members';

/** Registrations as answers: unit names from the map copy, members' names masked (one look-up per batch). */
@Injectable()
export class RegistrationViews {
  constructor(
    private readonly units: ReferenceRepository,
    private readonly members: RegistrationMembers,
  ) {}

  async one(registration: RegistrationEntity): Promise<RegistrationView> {
    const [view] = await this.many([registration]);
    return view;
  }

  async many(registrations: readonly RegistrationEntity[]): Promise<RegistrationView[]> {
    if (registrations.length === 0) return [];
    const units = await this.units.find({ unit: registrations.flatMap((r) => [r.communityCode, r.gridCode]) });
    const names = await this.members.maskedNames(registrations.map((r) => r.memberId));
    return registrations.map((r) =>
      toRegistrationView(r, { member: names.get(r.memberId) ?? null, community: units.get('unit', r.communityCode), grid: units.get('unit', r.gridCode) }),
    );
  }
}
