import { defineRequest, type RequestDefinition } from '../events/definitions';

/** Health of a service over the bus: its name and the platform's version. */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** `<service>.service.info`: every service answers it (ServiceModule registers the handler), so operators and the gateway can see it is there. */
export function serviceInfoRequest(service: string): RequestDefinition<Record<string, never>, ServiceInfo> {
  return defineRequest<Record<string, never>, ServiceInfo>(service, `${service}.service.info`);
}
