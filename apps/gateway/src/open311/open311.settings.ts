import type { Caller } from '@gridline/auth';
import type { AppealChannel } from '@gridline/contracts-hotline';
import type { GatewayConfig } from '../gateway.config';

/** How the gateway serves Open311, from its config (see docs/open311.md). */
export interface Open311Settings {
  /** The street(s) served; the first files a request that locates in no grid. */
  streets: string[];
  /** When set, the only jurisdiction_id accepted. */
  jurisdictionId: string | null;
  /** The channels whose appeals GET requests shows. */
  publishedChannels: AppealChannel[];
  /** Discovery's endpoint type: whether what is posted here is acted upon. */
  endpointType: 'production' | 'test';
}

export const OPEN311_SETTINGS = Symbol('OPEN311_SETTINGS');

export function open311SettingsFrom(config: GatewayConfig): Open311Settings {
  return {
    streets: config.OPEN311_STREET_CODE.split(','),
    jurisdictionId: config.OPEN311_JURISDICTION_ID ?? null,
    publishedChannels: config.OPEN311_PUBLISHED_CHANNELS.split(',') as AppealChannel[],
    endpointType: config.NODE_ENV === 'production' ? 'production' : 'test',
  };
}

/**
 * Who Open311 acts as on the bus: a hotline operator of the served street(s) — `open311` when reading, and
 * `open311:<application>` when a client application submits (the appeal's operator then names the application).
 */
export function open311Caller(settings: Open311Settings, application?: string): Caller {
  return { sub: application ? `open311:${application}` : 'open311', name: application ?? 'open311', roles: ['hotline_operator'], units: settings.streets };
}
