import { Module } from '@nestjs/common';
import { ReferenceNames } from './reference-names';
import { RegistryCopyRepository } from './registry-copy.repository';
import { RegistryCopySubscriber } from './registry-copy.subscriber';
import { RegistryReference } from './registry-reference';

/** The hotline's copy of the registry: kept from its events, filled at boot when empty, read for names and owners. */
@Module({
  providers: [RegistryCopyRepository, RegistryCopySubscriber, RegistryReference, ReferenceNames],
  exports: [RegistryCopyRepository, RegistryReference, ReferenceNames],
})
export class ReferenceModule {}
