import 'reflect-metadata';
import { loadConfig } from '@gridline/platform';
import { runServiceMain } from '@gridline/messaging';
import { INCIDENTS_SERVICE, IncidentsAppModule } from './incidents-app.module';
import { IncidentsConfig } from './incidents.config';

void runServiceMain(INCIDENTS_SERVICE, () => {
  const config = loadConfig(IncidentsConfig);
  return { config, module: IncidentsAppModule.register(config) };
});
