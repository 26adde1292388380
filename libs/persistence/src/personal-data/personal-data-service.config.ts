import { IsString } from 'class-validator';
import { ConfigError, ServiceConfig } from '@gridline/platform';
import { DEV_PERSONAL_DATA, parsePersonalDataKeys } from './personal-data.config';
import { PersonalDataCipher } from './personal-data-cipher';

/** The configuration of a service that keeps personal data (ID numbers, phones, callers' names). */
export class PersonalDataServiceConfig extends ServiceConfig {
  /**
   * AES-256 keys: `id:<base64 32 bytes>,id2:<base64 32 bytes>`. Keep old keys listed after a rotation: each stored
   * value names the key it was encrypted with. Defaults are for development only.
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

/** The cipher of a service's personal data; production refuses the development keys. Throws ConfigError. */
export function personalDataCipherFrom(config: PersonalDataServiceConfig): PersonalDataCipher {
  if (config.NODE_ENV === 'production' && config.PERSONAL_DATA_KEYS === DEV_PERSONAL_DATA.keys) {
    throw new ConfigError(['PERSONAL_DATA_KEYS: the development keys must not be used in production']);
  }
  return new PersonalDataCipher(parsePersonalDataKeys(config.PERSONAL_DATA_KEYS, config.PERSONAL_DATA_ACTIVE_KEY, config.PERSONAL_DATA_INDEX_KEY));
}
