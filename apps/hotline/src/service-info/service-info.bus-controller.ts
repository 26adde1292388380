import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HOTLINE_REQUESTS, type ServiceInfo } from '@gridline/contracts-hotline';

/** Answers on the bus so that the gateway and operators can see the service is there. */
@Controller()
export class ServiceInfoBusController {
  @MessagePattern(HOTLINE_REQUESTS.info.pattern)
  info(): ServiceInfo {
    return { service: 'hotline', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
