import { Injectable } from '@nestjs/common';
import { PARTY_REGISTRATION_READERS, requireRole } from '@gridline/auth';
import type { RegistrationView } from '@gridline/contracts-party-building';
import { registrationNotFound } from '../../registration.errors';
import { RegistrationAccess } from '../../registration-access';
import { RegistrationRepository } from '../../registration.repository';
import { RegistrationViews } from '../../registration-views';
import type { GetRegistrationQuery } from './get-registration.query';

/** One registration: to the party's readers of its grid, or to its member. */
@Injectable()
export class GetRegistrationUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly access: RegistrationAccess,
    private readonly views: RegistrationViews,
  ) {}

  async execute({ caller, id }: GetRegistrationQuery): Promise<RegistrationView> {
    requireRole(caller, PARTY_REGISTRATION_READERS, 'read dual registrations');
    const registration = await this.registrations.findById(id);
    if (!registration || !(await this.access.reads(caller, registration))) throw registrationNotFound(id);
    return this.views.one(registration);
  }
}
