import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import type { RegistrationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { RegistrationRepository } from '../../registration.repository';
import { RegistrationViews } from '../../registration-views';
import type { ListRegistrationsQuery } from './list-registrations.query';

/** Registrations whose grid is in the caller's scope, by unit, state and member. */
@Injectable()
export class ListRegistrationsUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly views: RegistrationViews,
  ) {}

  async execute({ caller, query }: ListRegistrationsQuery): Promise<OffsetPage<RegistrationView>> {
    requireRole(caller, PARTY_READERS, 'list dual registrations');
    const page = await this.registrations.page(PartyScope.units(caller), query);
    return { ...page, items: await this.views.many(page.items) };
  }
}
