import 'reflect-metadata';
import { loadConfig } from '@gridline/platform';
import { runServiceMain } from '@gridline/messaging';
import { ANALYTICS_SERVICE, AnalyticsAppModule } from './analytics-app.module';
import { AnalyticsConfig } from './analytics.config';

void runServiceMain(ANALYTICS_SERVICE, () => {
  const config = loadConfig(AnalyticsConfig);
  return { config, module: AnalyticsAppModule.register(config) };
});
