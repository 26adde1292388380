import 'reflect-metadata';
import { loadConfig } from '@gridline/platform';
import { runServiceMain } from '@gridline/messaging';
import { HOTLINE_SERVICE, HotlineAppModule } from './hotline-app.module';
import { HotlineConfig } from './hotline.config';

void runServiceMain(HOTLINE_SERVICE, () => {
  const config = loadConfig(HotlineConfig);
  return { config, module: HotlineAppModule.register(config) };
});
