import { Module, type DynamicModule } from '@nestjs/common';
import { RegistryClient } from '@gridline/contracts-registry';
import { HotlineClient, HotlineOpen311Client } from '@gridline/contracts-hotline';
import type { GatewayConfig } from '../gateway.config';
import { Open311CatalogueReader } from './open311-catalogue';
import { Open311JurisdictionChecker } from './open311-jurisdiction';
import { Open311KeysController } from './open311-keys.controller';
import { Open311Controller, Open311DiscoveryController } from './open311.controller';
import { OPEN311_SETTINGS, open311SettingsFrom } from './open311.settings';
import { ReadServiceRequestUpdatesUseCase } from './use-cases/read-service-request-updates/read-service-request-updates.use-case';
import { ReadServiceRequestsUseCase } from './use-cases/read-service-requests/read-service-requests.use-case';
import { SubmitServiceRequestUpdateUseCase } from './use-cases/submit-service-request-update/submit-service-request-update.use-case';
import { ReadServicesUseCase } from './use-cases/read-services/read-services.use-case';
import { SubmitServiceRequestUseCase } from './use-cases/submit-service-request/submit-service-request.use-case';

/** Open311 GeoReport v2 under /open311/v2, and the admin route that issues client applications their API keys. */
@Module({})
export class Open311Module {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: Open311Module,
      controllers: [Open311Controller, Open311DiscoveryController, Open311KeysController],
      providers: [
        { provide: OPEN311_SETTINGS, useValue: open311SettingsFrom(config) },
        RegistryClient,
        HotlineClient,
        HotlineOpen311Client,
        Open311CatalogueReader,
        Open311JurisdictionChecker,
        ReadServicesUseCase,
        ReadServiceRequestsUseCase,
        SubmitServiceRequestUseCase,
        ReadServiceRequestUpdatesUseCase,
        SubmitServiceRequestUpdateUseCase,
      ],
    };
  }
}
