import { randomBytes } from 'crypto';
import { ConfigError } from '@gridline/platform';
import { PERSONAL_DATA_KEY_ID, type PersonalDataCipherOptions } from './personal-data-cipher';

const KEY_BYTES = 32;
const MIN_INDEX_KEY_BYTES = 32;

/**
 * DEVELOPMENT ONLY — well-known keys so that a local platform and the tests run without setup.
 * Anything encrypted with them is readable by anyone with this repository; never use them where
 * real residents' data lives. The values decode to ASCII that says so.
 *
 * A config class takes them as defaults, one property per variable:
 * ```ts
 * // AES-256 keys as `<id>:<base64 32 bytes>`, comma-separated; retired keys stay until rotated away.
 * @IsString() PERSONAL_DATA_KEYS: string = DEV_PERSONAL_DATA.keys;
 * @IsString() PERSONAL_DATA_ACTIVE_KEY: string = DEV_PERSONAL_DATA.activeKey;
 * @IsString() PERSONAL_DATA_INDEX_KEY: string = DEV_PERSONAL_DATA.indexKey;
 * ```
 * and the module builds `new PersonalDataCipher(parsePersonalDataKeys(c.PERSONAL_DATA_KEYS,
 * c.PERSONAL_DATA_ACTIVE_KEY, c.PERSONAL_DATA_INDEX_KEY))` at boot.
 */
export const DEV_PERSONAL_DATA = {
  /** 'gridline-dev-only-personal-key!!' */
  keys: 'dev1:Z3JpZGxpbmUtZGV2LW9ubHktcGVyc29uYWwta2V5ISE=',
  activeKey: 'dev1',
  /** 'gridline-dev-only-blind-index-key!' */
  indexKey: 'Z3JpZGxpbmUtZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5IQ==',
} as const;

/** A new random key (base64 of 32 bytes), for PERSONAL_DATA_KEYS or PERSONAL_DATA_INDEX_KEY. */
export function generatePersonalDataKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * Reads the cipher's key ring from its three variables:
 * - PERSONAL_DATA_KEYS: `k1:<base64 32 bytes>,k2:<base64 32 bytes>`
 * - PERSONAL_DATA_ACTIVE_KEY: the id of the key new values are encrypted with
 * - PERSONAL_DATA_INDEX_KEY: base64 of at least 32 bytes, distinct from the encryption keys
 *
 * Throws a ConfigError listing every problem, each naming its variable; key material is never
 * quoted in a message.
 */
export function parsePersonalDataKeys(keys: string, active: string, indexKey: string): PersonalDataCipherOptions {
  const problems: string[] = [];
  const ring = new Map<string, Buffer>();

  const entries = (keys ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) problems.push('PERSONAL_DATA_KEYS: must list at least one key as <id>:<base64 32 bytes>');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const keyId = colon < 0 ? '' : entry.slice(0, colon).trim();
    // The entry itself is not quoted: a missing colon would put a key into the message.
    if (!PERSONAL_DATA_KEY_ID.test(keyId)) {
      problems.push(`PERSONAL_DATA_KEYS: entry ${i + 1} must read <id>:<base64 32 bytes>, the id 1-32 letters, digits, - or _`);
      return;
    }
    const key = decodeBase64(entry.slice(colon + 1).trim());
    if (!key || key.length !== KEY_BYTES) problems.push(`PERSONAL_DATA_KEYS: key ${keyId} must be ${KEY_BYTES} bytes of base64`);
    else if (ring.has(keyId)) problems.push(`PERSONAL_DATA_KEYS: key ${keyId} appears more than once`);
    else ring.set(keyId, key);
  });

  const activeKeyId = (active ?? '').trim();
  if (activeKeyId === '') problems.push('PERSONAL_DATA_ACTIVE_KEY: must name a key of PERSONAL_DATA_KEYS');
  else if (!PERSONAL_DATA_KEY_ID.test(activeKeyId)) problems.push('PERSONAL_DATA_ACTIVE_KEY: must be a key id (1-32 letters, digits, - or _)');
  else if (entries.length > 0 && !entries.some((entry) => entry.split(':')[0]?.trim() === activeKeyId)) {
    problems.push(`PERSONAL_DATA_ACTIVE_KEY: ${activeKeyId} is not among PERSONAL_DATA_KEYS`);
  }

  const index = decodeBase64((indexKey ?? '').trim());
  if (!index || index.length < MIN_INDEX_KEY_BYTES) {
    problems.push(`PERSONAL_DATA_INDEX_KEY: must be at least ${MIN_INDEX_KEY_BYTES} bytes of base64`);
  } else if ([...ring.values()].some((key) => key.equals(index))) {
    // One key for two purposes: a leak of either would expose both.
    problems.push('PERSONAL_DATA_INDEX_KEY: must differ from every key of PERSONAL_DATA_KEYS');
  }

  if (problems.length > 0 || !index) throw new ConfigError(problems);
  return { keys: ring, activeKeyId, indexKey: index };
}

/** Strict base64 (padding optional): Node's decoder would silently skip stray characters. */
function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '') ? bytes : undefined;
}
