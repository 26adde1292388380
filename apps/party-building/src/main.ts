import 'reflect-metadata';
import { loadConfig } from '@gridline/platform';
import { runServiceMain } from '@gridline/messaging';
import { PARTY_BUILDING_SERVICE, PartyBuildingAppModule } from './party-building-app.module';
import { PartyBuildingConfig } from './party-building.config';

void runServiceMain(PARTY_BUILDING_SERVICE, () => {
  const config = loadConfig(PartyBuildingConfig);
  return { config, module: PartyBuildingAppModule.register(config) };
});
