import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { serviceInfoRequest, type ServiceInfo } from './service-info';

/** The bus handler of `<service>.service.info`, one class per service (its pattern names the service). */
export function serviceInfoBusController(service: string, version: string): Type<unknown> {
  const info: ServiceInfo = { service, version };

  @Controller()
  class ServiceInfoBusController {
    @MessagePattern(serviceInfoRequest(service).pattern)
    info(): ServiceInfo {
      return info;
    }
  }
  return ServiceInfoBusController;
}
