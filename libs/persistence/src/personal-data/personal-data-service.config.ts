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

/**
 * The cipher of a service's personal data. Production refuses the development keys — the cipher keys and the blind
 * index (HMAC) key alike, and a development key listed among real ones: with the published index key anyone can
 * recompute the keyed hash of every ID number and phone, and so find them in a copy of the database. Throws ConfigError.
 */
export function personalDataCipherFrom(config: PersonalDataServiceConfig): PersonalDataCipher {
  const options = parsePersonalDataKeys(config.PERSONAL_DATA_KEYS, config.PERSONAL_DATA_ACTIVE_KEY, config.PERSONAL_DATA_INDEX_KEY);
  if (config.NODE_ENV === 'production') {
    const dev = parsePersonalDataKeys(DEV_PERSONAL_DATA.keys, DEV_PERSONAL_DATA.activeKey, DEV_PERSONAL_DATA.indexKey);
    const devKeys = [...dev.keys.values()];
    const problems: string[] = [];
    if ([...options.keys.values()].some((key) => devKeys.some((devKey) => devKey.equals(key)))) {
      problems.push('PERSONAL_DATA_KEYS: the development keys must not be used in production');
    }
    if (options.indexKey.equals(dev.indexKey)) problems.push('PERSONAL_DATA_INDEX_KEY: the development index key must not be used in production');
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return new PersonalDataCipher(options);
}
