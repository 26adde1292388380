import { AppError } from '@gridline/platform';
import type { HotlineOpen311Client } from '@gridline/contracts-hotline';
import { Open311Error } from './open311-error';
import { single, type Open311Params } from './open311-params';
import { open311Caller, type Open311Settings } from './open311.settings';

/**
 * The client application a POST's api_key belongs to; the specification's 403 when it is missing or unknown, saying
 * what could not proceed (`create_request`, `create_update`).
 */
export async function applicationOf(hotline: HotlineOpen311Client, settings: Open311Settings, params: Open311Params, proceeding: string): Promise<string> {
  const apiKey = single(params, 'api_key');
  if (!apiKey) throw Open311Error.forbidden(`api_key is missing -- can't proceed with ${proceeding}`);
  const { application } = await hotline.verifyKey(open311Caller(settings), apiKey).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'forbidden') throw Open311Error.forbidden(`Invalid api_key received -- can't proceed with ${proceeding}`);
    throw error;
  });
  return application;
}
