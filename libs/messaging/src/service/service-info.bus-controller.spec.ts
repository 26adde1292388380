import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { ServiceConfig } from '@gridline/platform';
import { serviceInfoRequest } from './service-info';
import { serviceInfoBusController } from './service-info.bus-controller';
import { ServiceModule } from './service.module';

function handlerOf(controller: Function): { pattern: unknown; answer: () => unknown } {
  const instance = new (controller as new () => { info(): unknown })();
  return { pattern: Reflect.getMetadata(PATTERN_METADATA, controller.prototype.info), answer: () => instance.info() };
}

describe('service info', () => {
  it('is asked on <service>.service.info', () => {
    expect(serviceInfoRequest('registry')).toEqual({ service: 'registry', pattern: 'registry.service.info' });
  });

  it("answers the service's name and version on its own pattern", () => {
    const handler = handlerOf(serviceInfoBusController('analytics', '1.2.3'));

    expect(handler.pattern).toEqual(['analytics.service.info']);
    expect(handler.answer()).toEqual({ service: 'analytics', version: '1.2.3' });
  });

  it.each(['registry', 'incidents', 'hotline', 'analytics', 'party-building'])('is answered by every service: %s', (service) => {
    const config = Object.assign(new ServiceConfig(), { npm_package_version: '0.9.0' });
    const module = ServiceModule.forRoot({ service, config, entities: [], migrations: [] });

    const handlers = (module.controllers ?? []).map(handlerOf);
    expect(handlers.map((handler) => handler.pattern)).toEqual([[`${service}.service.info`]]);
    expect(handlers[0].answer()).toEqual({ service, version: '0.9.0' });
  });
});
