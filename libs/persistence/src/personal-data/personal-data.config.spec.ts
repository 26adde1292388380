import { randomBytes } from 'crypto';
import { ConfigError } from '@gridline/platform';
import { PersonalDataCipher } from './personal-data-cipher';
import { DEV_PERSONAL_DATA, generatePersonalDataKey, parsePersonalDataKeys } from './personal-data.config';

describe(parsePersonalDataKeys.name, () => {
  const a = generatePersonalDataKey();
  const b = generatePersonalDataKey();
  const index = generatePersonalDataKey();

  function problemsOf(keys: string, active: string, indexKey: string): string[] {
    let error: unknown;
    try {
      parsePersonalDataKeys(keys, active, indexKey);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }

  it('reads a key ring with several keys and spaces around entries', () => {
    const options = parsePersonalDataKeys(` k1:${a} , k2:${b} `, 'k2', index);
    expect([...options.keys.keys()]).toEqual(['k1', 'k2']);
    expect(options.keys.get('k1')).toEqual(Buffer.from(a, 'base64'));
    expect(options.activeKeyId).toBe('k2');
    expect(options.indexKey).toEqual(Buffer.from(index, 'base64'));
    expect(() => new PersonalDataCipher(options)).not.toThrow();
  });

  it('names PERSONAL_DATA_KEYS for a key that is not 32 bytes of base64', () => {
    expect(problemsOf(`k1:${a},k2:${randomBytes(16).toString('base64')}`, 'k1', index)).toEqual([
      'PERSONAL_DATA_KEYS: key k2 must be 32 bytes of base64',
    ]);
    expect(problemsOf(`k1:${a},k2:not*base64`, 'k1', index)).toEqual(['PERSONAL_DATA_KEYS: key k2 must be 32 bytes of base64']);
  });

  it('names PERSONAL_DATA_KEYS for an empty list, an entry without id and a repeated id, without quoting keys', () => {
    expect(problemsOf('', 'k1', index)[0]).toMatch(/^PERSONAL_DATA_KEYS: must list at least one key/);
    const problems = problemsOf(`${a},k1:${a},k1:${b}`, 'k1', index);
    expect(problems).toEqual([
      expect.stringMatching(/^PERSONAL_DATA_KEYS: entry 1 must read <id>:<base64 32 bytes>/),
      'PERSONAL_DATA_KEYS: key k1 appears more than once',
    ]);
    expect(problems.join()).not.toContain(a);
    expect(problems.join()).not.toContain(b);
  });

  it('names PERSONAL_DATA_ACTIVE_KEY when the active key is missing or unknown', () => {
    expect(problemsOf(`k1:${a},k2:${b}`, 'k3', index)).toEqual(['PERSONAL_DATA_ACTIVE_KEY: k3 is not among PERSONAL_DATA_KEYS']);
    expect(problemsOf(`k1:${a}`, '', index)).toEqual(['PERSONAL_DATA_ACTIVE_KEY: must name a key of PERSONAL_DATA_KEYS']);
  });

  it('names PERSONAL_DATA_INDEX_KEY when it is short, not base64, or reuses an encryption key', () => {
    const short = ['PERSONAL_DATA_INDEX_KEY: must be at least 32 bytes of base64'];
    expect(problemsOf(`k1:${a}`, 'k1', randomBytes(16).toString('base64'))).toEqual(short);
    expect(problemsOf(`k1:${a}`, 'k1', 'gridline-index-key-but-not-base64!!!!!!!!!!!')).toEqual(short);
    expect(problemsOf(`k1:${a}`, 'k1', '')).toEqual(short);
    expect(problemsOf(`k1:${a}`, 'k1', a)).toEqual(['PERSONAL_DATA_INDEX_KEY: must differ from every key of PERSONAL_DATA_KEYS']);
  });

  it('lists every problem at once', () => {
    const error = (() => {
      try {
        parsePersonalDataKeys('k1:short', 'k3', 'short');
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.map((p) => p.split(':')[0])).toEqual(['PERSONAL_DATA_KEYS', 'PERSONAL_DATA_ACTIVE_KEY', 'PERSONAL_DATA_INDEX_KEY']);
    expect(error.message).toContain('PERSONAL_DATA_KEYS: key k1 must be 32 bytes of base64');
  });

  it('accepts the development defaults, which say what they are', () => {
    const options = parsePersonalDataKeys(DEV_PERSONAL_DATA.keys, DEV_PERSONAL_DATA.activeKey, DEV_PERSONAL_DATA.indexKey);
    expect(options.activeKeyId).toBe('dev1');
    expect(options.keys.get('dev1')?.toString('utf8')).toContain('dev-only');
    expect(options.indexKey.toString('utf8')).toContain('dev-only');
    const cipher = new PersonalDataCipher(options);
    expect(cipher.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
  });
});

describe(generatePersonalDataKey.name, () => {
  it('makes a fresh base64 key of 32 bytes each time', () => {
    const key = generatePersonalDataKey();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(generatePersonalDataKey()).not.toBe(key);
    expect(() => parsePersonalDataKeys(`k1:${key}`, 'k1', generatePersonalDataKey())).not.toThrow();
  });
});
