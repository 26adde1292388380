import { defineRequest } from '@gridline/messaging';

/** Health of the hotline service over the bus (its domain arrives in a later issue). */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the hotline service answers over the bus. */
export const HOTLINE_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('hotline', 'hotline.service.info'),
} as const;

/** The hotline service publishes no events yet. */
export const HOTLINE_EVENTS = {} as const;
