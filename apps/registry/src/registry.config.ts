import { IsString } from 'class-validator';
import { ServiceConfig } from '@gridline/platform';
import { DEV_PERSONAL_DATA } from '@gridline/persistence';

/**
 * The registry's configuration: the variables every service reads (see ServiceConfig; DB_SCHEMA defaults to
 * `registry`) and the keys that protect personal data.
 */
export class RegistryConfig extends ServiceConfig {
  /**
   * AES-256 keys for ID and phone numbers: `id:<base64 32 bytes>,id2:<base64 32 bytes>`. Keep old keys listed
   * after a rotation: each stored value names the key it was encrypted with. Defaults are for development only.
   */
  @IsString()
  PERSONAL_DATA_KEYS: string = DEV_PERSONAL_DATA.keys;

  /** The key id new values are encrypted with. */
  @IsString()
  PERSONAL_DATA_ACTIVE_KEY: string = DEV_PERSONAL_DATA.activeKey;

  /** HMAC key (base64, ≥ 32 bytes) of the keyed hashes used for exact-match search. Changing it needs a re-index. */
  @IsString()
  PERSONAL_DATA_INDEX_KEY: string = DEV_PERSONAL_DATA.indexKey;
}
