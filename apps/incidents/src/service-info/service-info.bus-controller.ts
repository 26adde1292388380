import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { INCIDENTS_REQUESTS, type ServiceInfo } from '@gridline/contracts-incidents';

/** Answers on the bus so that the gateway and operators can see the service is there. */
@Controller()
export class ServiceInfoBusController {
  @MessagePattern(INCIDENTS_REQUESTS.info.pattern)
  info(): ServiceInfo {
    return { service: 'incidents', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
