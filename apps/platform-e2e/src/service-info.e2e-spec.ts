import { AnalyticsAppModule, AnalyticsConfig } from '@gridline/app-analytics';
import { HotlineAppModule, HotlineConfig } from '@gridline/app-hotline';
import { IncidentsAppModule, IncidentsConfig } from '@gridline/app-incidents';
import { PartyBuildingAppModule, PartyBuildingConfig } from '@gridline/app-party-building';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { ANALYTICS_REQUESTS } from '@gridline/contracts-analytics';
import { HOTLINE_REQUESTS } from '@gridline/contracts-hotline';
import { INCIDENTS_REQUESTS } from '@gridline/contracts-incidents';
import { PARTY_BUILDING_REQUESTS } from '@gridline/contracts-party-building';
import { REGISTRY_REQUESTS } from '@gridline/contracts-registry';
import { TestPlatform } from '@gridline/testing';

// `service.info` is answered by ServiceModule (libs/messaging), so by every service without a handler of its own.
describe('<service>.service.info', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config));
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config));
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    await platform.start('party-building', PartyBuildingConfig, (config) => PartyBuildingAppModule.register(config));
  });

  afterAll(async () => {
    await platform?.close();
  });

  it.each([
    ['registry', REGISTRY_REQUESTS.info],
    ['incidents', INCIDENTS_REQUESTS.info],
    ['hotline', HOTLINE_REQUESTS.info],
    ['analytics', ANALYTICS_REQUESTS.info],
    ['party-building', PARTY_BUILDING_REQUESTS.info],
  ])('is answered by %s with its name and version', async (service, request) => {
    const bus = await platform.bus();

    await expect(bus.request(request, {})).resolves.toEqual({ service, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
