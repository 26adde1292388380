import { Module } from '@nestjs/common';
import { RegistryClient } from '@gridline/contracts-registry';
import { ReferenceRepository } from './reference.repository';
import { CalendarCopySubscriber, CategoryCopySubscriber, DepartmentCopySubscriber, UnitCopySubscriber } from './reference.subscribers';

/** Incidents' local copy of the registry's reference data (units, categories, calendar, departments), kept from its events. */
@Module({
  providers: [RegistryClient, ReferenceRepository, UnitCopySubscriber, CategoryCopySubscriber, CalendarCopySubscriber, DepartmentCopySubscriber],
  exports: [RegistryClient, ReferenceRepository],
})
export class ReferenceModule {}
