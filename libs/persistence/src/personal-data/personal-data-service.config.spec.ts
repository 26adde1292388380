import { ConfigError, loadConfig } from '@gridline/platform';
import { DEV_PERSONAL_DATA, generatePersonalDataKey } from './personal-data.config';
import { PersonalDataServiceConfig, personalDataCipherFrom } from './personal-data-service.config';

describe(personalDataCipherFrom.name, () => {
  const own = { PERSONAL_DATA_KEYS: `k1:${generatePersonalDataKey()}`, PERSONAL_DATA_ACTIVE_KEY: 'k1', PERSONAL_DATA_INDEX_KEY: generatePersonalDataKey() };

  function problemsIn(env: Record<string, string>): string[] {
    try {
      personalDataCipherFrom(loadConfig(PersonalDataServiceConfig, env));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  }

  it('uses the development keys outside production', () => {
    const cipher = personalDataCipherFrom(loadConfig(PersonalDataServiceConfig, {}));
    expect(cipher.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
  });

  it('refuses the development cipher keys in production', () => {
    expect(problemsIn({ NODE_ENV: 'production', PERSONAL_DATA_INDEX_KEY: own.PERSONAL_DATA_INDEX_KEY })).toEqual([
      'PERSONAL_DATA_KEYS: the development keys must not be used in production',
    ]);
  });

  it('refuses the development index key in production, even with keys of your own', () => {
    expect(problemsIn({ ...own, NODE_ENV: 'production', PERSONAL_DATA_INDEX_KEY: DEV_PERSONAL_DATA.indexKey })).toEqual([
      'PERSONAL_DATA_INDEX_KEY: the development index key must not be used in production',
    ]);
  });

  it('refuses a development key listed among keys of your own in production', () => {
    const keys = `${own.PERSONAL_DATA_KEYS},${DEV_PERSONAL_DATA.keys.replace('dev1:', 'old:')}`;
    expect(problemsIn({ ...own, NODE_ENV: 'production', PERSONAL_DATA_KEYS: keys })).toEqual(['PERSONAL_DATA_KEYS: the development keys must not be used in production']);
  });

  it('names both when production runs on every development default', () => {
    expect(problemsIn({ NODE_ENV: 'production' })).toEqual([
      'PERSONAL_DATA_KEYS: the development keys must not be used in production',
      'PERSONAL_DATA_INDEX_KEY: the development index key must not be used in production',
    ]);
  });

  it('starts in production with keys of its own', () => {
    const cipher = personalDataCipherFrom(loadConfig(PersonalDataServiceConfig, { ...own, NODE_ENV: 'production' }));
    expect(cipher.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
  });
});
