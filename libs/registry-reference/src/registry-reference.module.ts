import { Module, type DynamicModule } from '@nestjs/common';
import { ReferenceRepository } from './reference.repository';
import { RegistryReference } from './registry-reference';
import { REGISTRY_REFERENCE_FILL, type RegistryReferenceFillSettings } from './registry-reference.settings';
import { RegistryReferenceSubscriber } from './reference.subscriber';

/**
 * A service's copy of the registry's reference data: kept from its events, filled at boot when empty, read for
 * names, owners, limits and the calendar. Imported once, by the service's root module, which provides the
 * `RegistryClient` (so that a service test replaces it in one place); global to its feature modules. The service
 * lists `REGISTRY_REFERENCE_ENTITIES` and `REGISTRY_REFERENCE_MIGRATIONS` beside its own.
 */
@Module({})
export class RegistryReferenceModule {
  static forService(fill: RegistryReferenceFillSettings): DynamicModule {
    return {
      module: RegistryReferenceModule,
      global: true,
      providers: [{ provide: REGISTRY_REFERENCE_FILL, useValue: fill }, ReferenceRepository, RegistryReferenceSubscriber, RegistryReference],
      exports: [ReferenceRepository, RegistryReference],
    };
  }
}
