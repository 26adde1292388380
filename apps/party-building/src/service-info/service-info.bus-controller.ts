import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PARTY_BUILDING_REQUESTS, type ServiceInfo } from '@gridline/contracts-party-building';

/** Answers on the bus so that the gateway and operators can see the service is there. */
@Controller()
export class ServiceInfoBusController {
  @MessagePattern(PARTY_BUILDING_REQUESTS.info.pattern)
  info(): ServiceInfo {
    return { service: 'party-building', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
