import { defineRequest } from '@gridline/messaging';

/** Health of the incidents service over the bus (its domain arrives in a later issue). */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the incidents service answers over the bus. */
export const INCIDENTS_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('incidents', 'incidents.service.info'),
} as const;

/** The incidents service publishes no events yet. */
export const INCIDENTS_EVENTS = {} as const;
