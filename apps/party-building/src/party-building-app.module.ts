import { Module, type DynamicModule } from '@nestjs/common';
import { PHOTO_JANITOR_SETTINGS, ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { PersonalDataCipher, PersonalDataService, TransactionRunner, personalDataCipherFrom } from '@gridline/persistence';
import { RegistryClient } from '@gridline/contracts-registry';
import { IncidentsClient } from '@gridline/contracts-incidents';
import { REGISTRY_REFERENCE_ENTITIES, RegistryReferenceModule, type RegistryReferenceFillSettings } from '@gridline/registry-reference';
import { CaseHandoffEntity } from './cases/case-handoff.entity';
import { CasesModule } from './cases/cases.module';
import { LedgerModule } from './ledger/ledger.module';
import { ServiceRecordEntity } from './ledger/service-record.entity';
import { PARTY_BUILDING_MIGRATIONS } from './migrations/party-building.migration';
import { MemberAuditEntity, MemberEntity } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { CoverageModule } from './branch-coverage/coverage.module';
import { OfficerEntity } from './organisations/officer.entity';
import { ActivityEntity, CheckInCodeEntity, SignUpEntity } from './activities/activity.entity';
import { ActivitiesModule } from './activities/activities.module';
import { COMMITTEE_ENTITIES } from './committees/committee.entity';
import { CommitteesModule } from './committees/committees.module';
import { OrganisationEntity } from './organisations/organisation.entity';
import { OrganisationsModule } from './organisations/organisations.module';
import type { PartyBuildingConfig } from './party-building.config';
import { RegistrationEntity } from './registrations/registration.entity';
import { RegistrationsModule } from './registrations/registrations.module';
import { StationEntity, StationServiceEntity } from './stations/station.entities';
import { ActivityPhotoEntity } from './activities/photos/activity-photo.entity';
import { SnapshotModule } from './snapshot/snapshot.module';
import { StationsModule } from './stations/stations.module';

export const PARTY_BUILDING_SERVICE = 'party-building';

/** What the party-building service keeps in its schema (also used by `npm run migrate`). */
export const PARTY_BUILDING_PERSISTENCE = {
  service: PARTY_BUILDING_SERVICE,
  entities: [OrganisationEntity, OfficerEntity, MemberEntity, MemberAuditEntity, CaseHandoffEntity, ServiceRecordEntity, ActivityEntity, SignUpEntity, CheckInCodeEntity, ActivityPhotoEntity, RegistrationEntity, StationEntity, StationServiceEntity, ...COMMITTEE_ENTITIES, ...REGISTRY_REFERENCE_ENTITIES],
  migrations: PARTY_BUILDING_MIGRATIONS,
};

/**
 * The party-building service: party organisations mirroring the grid, their members, activities, red stations and
 * exclusive-grid committees. One feature module each; this module gives them, once, the cipher and the personal-data service, the transaction
 * runner, the registry's and incidents' clients and the copy of the registry's map (`@gridline/registry-reference`).
 */
@Module({})
export class PartyBuildingAppModule {
  static register(config: PartyBuildingConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    // Built before anything connects, so that bad keys stop the service at once with the variable named.
    const cipher = personalDataCipherFrom(config);
    const copyFill: RegistryReferenceFillSettings = { autoStart: overrides.startWorkers ?? true, retryMs: 10_000 };
    return {
      module: PartyBuildingAppModule,
      global: true,
      imports: [ServiceModule.forRoot({ ...PARTY_BUILDING_PERSISTENCE, config, ...overrides }), RegistryReferenceModule.forService(copyFill), OrganisationsModule, MembersModule, CoverageModule, CasesModule, LedgerModule, ActivitiesModule, RegistrationsModule, StationsModule, CommitteesModule, SnapshotModule],
      providers: [
        { provide: PersonalDataCipher, useValue: cipher },
        // Report photos' uploads never committed are removed once expired (a worker like the relay: tests tick by hand).
        { provide: PHOTO_JANITOR_SETTINGS, useValue: { pollMs: 60_000, batchSize: 100, autoStart: overrides.startWorkers ?? true } },
        PersonalDataService,
        TransactionRunner,
        RegistryClient,
        IncidentsClient,
      ],
      // MembersModule re-exported: organisations' officers are members, and the members feature binds to organisations.
      exports: [PersonalDataCipher, PHOTO_JANITOR_SETTINGS, PersonalDataService, TransactionRunner, RegistryClient, IncidentsClient, MembersModule],
    };
  }
}
