import type { Api } from '../api/client';
import type { ConsoleConfig } from '../api/types';

let loaded: Promise<ConsoleConfig> | undefined;

/** How this platform signs users in (`GET /console-config`), asked once per page load. */
export function consoleConfig(api: Api): Promise<ConsoleConfig> {
  loaded ??= api.get<ConsoleConfig>('/console-config').catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
