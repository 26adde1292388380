import 'reflect-metadata';
import { loadConfig } from '@gridline/platform';
import { runServiceMain } from '@gridline/messaging';
import { REGISTRY_SERVICE, RegistryAppModule } from './registry-app.module';
import { RegistryConfig } from './registry.config';

void runServiceMain(REGISTRY_SERVICE, () => {
  const config = loadConfig(RegistryConfig);
  return { config, module: RegistryAppModule.register(config) };
});
