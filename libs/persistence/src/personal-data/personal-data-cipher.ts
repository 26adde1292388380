import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';
import { AppError } from '@gridline/platform';

/** Codes of PersonalDataError. All are server faults (bad configuration or data), never the caller's. */
export const PersonalDataErrorCode = {
  KeyringInvalid: 'PERSONAL_DATA_KEYRING_INVALID',
  TokenMalformed: 'PERSONAL_DATA_TOKEN_MALFORMED',
  KeyUnknown: 'PERSONAL_DATA_KEY_UNKNOWN',
  TokenTampered: 'PERSONAL_DATA_TOKEN_TAMPERED',
  IndexKindInvalid: 'PERSONAL_DATA_INDEX_KIND_INVALID',
} as const;

export type PersonalDataErrorCode = (typeof PersonalDataErrorCode)[keyof typeof PersonalDataErrorCode];

/**
 * A failure to set up the cipher or to open a token. Its message and details never hold a
 * plaintext, a token or key material: they end up in logs and error envelopes.
 */
export class PersonalDataError extends AppError {
  constructor(code: PersonalDataErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, 'internal', message, details);
    this.name = 'PersonalDataError';
  }
}

/** The key ring of a PersonalDataCipher (see parsePersonalDataKeys for reading it from the environment). */
export interface PersonalDataCipherOptions {
  /** Key id → 32-byte AES-256 key. Keep retired keys here until no token uses them. */
  keys: ReadonlyMap<string, Buffer>;
  /** The key new tokens are encrypted with. */
  activeKeyId: string;
  /** HMAC key of the blind index, at least 32 bytes. Never rotated: the index must stay comparable. */
  indexKey: Buffer;
}

/** Key ids appear in tokens between dots, so they are restricted to a dot-free, URL-safe alphabet. */
export const PERSONAL_DATA_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const INDEX_KIND = /^[a-z][a-z0-9_-]*$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_INDEX_KEY_BYTES = 32;

interface ParsedToken {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * Encrypts personal data (ID numbers, phone numbers) for storage and computes the blind index used
 * to find it by exact value.
 *
 * A token reads `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts): AES-256-GCM with a fresh
 * 12-byte IV per call and `v1.<keyId>` as additional authenticated data, so a token cannot be
 * re-labelled with another key id or version.
 */
export class PersonalDataCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly activeKeyId: string;
  private readonly indexKey: Buffer;

  constructor(options: PersonalDataCipherOptions) {
    const problems: string[] = [];
    for (const [keyId, key] of options.keys) {
      if (!PERSONAL_DATA_KEY_ID.test(keyId)) problems.push(`key id "${keyId}" must be 1-32 letters, digits, - or _`);
      if (key.length !== KEY_BYTES) problems.push(`key ${keyId} must be ${KEY_BYTES} bytes, not ${key.length}`);
    }
    if (!options.keys.has(options.activeKeyId)) problems.push(`the active key ${options.activeKeyId} is not in the key ring`);
    if (options.indexKey.length < MIN_INDEX_KEY_BYTES) {
      problems.push(`the index key must be at least ${MIN_INDEX_KEY_BYTES} bytes, not ${options.indexKey.length}`);
    }
    if (problems.length > 0) {
      throw new PersonalDataError(PersonalDataErrorCode.KeyringInvalid, `Invalid personal data key ring: ${problems.join('; ')}`);
    }
    // Copies: a caller zeroing or reusing its buffers must not change this cipher's keys.
    this.keys = new Map([...options.keys].map(([keyId, key]) => [keyId, Buffer.from(key)]));
    this.activeKeyId = options.activeKeyId;
    this.indexKey = Buffer.from(options.indexKey);
  }

  /** Encrypts with the active key; two calls on the same value give different tokens. */
  encrypt(plain: string): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.activeKeyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.activeKeyId, b64url(iv), b64url(tag), b64url(ciphertext)].join('.');
  }

  /** Opens a token made by encrypt with any key still in the ring. */
  decrypt(token: string): string {
    const { keyId, iv, tag, ciphertext } = parse(token);
    const key = this.keys.get(keyId);
    if (!key) throw new PersonalDataError(PersonalDataErrorCode.KeyUnknown, `unknown key id ${keyId}`, { keyId });
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // The cause is dropped on purpose: nothing from inside the cipher goes into logs.
      throw new PersonalDataError(PersonalDataErrorCode.TokenTampered, 'the ciphertext was tampered with or the key is wrong', { keyId });
    }
  }

  /** The id of the key a token was encrypted with (the token's structure is checked, not its tag). */
  keyIdOf(token: string): string {
    return parse(token).keyId;
  }

  /** Whether the token was encrypted with a key other than the active one. */
  needsRotation(token: string): boolean {
    return this.keyIdOf(token) !== this.activeKeyId;
  }

  /**
   * Re-encrypts a token with the active key. The token is always decrypted (so a bad one throws);
   * one already under the active key is returned unchanged, which keeps a rotation job idempotent.
   */
  rotate(token: string): string {
    const plain = this.decrypt(token);
    return this.needsRotation(token) ? this.encrypt(plain) : token;
  }

  /**
   * Keyed hash (HMAC-SHA256, hex) of a normalized value, for exact-match search and unique
   * constraints. `kind` ('id', 'phone', …) separates domains so equal strings of different kinds
   * never match. Deterministic by design: normalize the value first (trim, upper-case the X of an
   * ID number, strip phone punctuation), or equal values will not match.
   */
  blindIndex(kind: string, normalizedValue: string): string {
    // A ':' inside the kind would let 'a:b' + 'c' collide with 'a' + 'b:c'.
    if (!INDEX_KIND.test(kind)) {
      throw new PersonalDataError(PersonalDataErrorCode.IndexKindInvalid, `blind index kind "${kind}" must be lower-case letters, digits, - or _`);
    }
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalizedValue}`, 'utf8').digest('hex');
  }
}

function aad(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Checks a token's structure. Errors say what is wrong, never what the token holds. */
function parse(token: string): ParsedToken {
  const malformed = (reason: string) =>
    new PersonalDataError(PersonalDataErrorCode.TokenMalformed, `the personal data token is malformed: ${reason}`);
  if (typeof token !== 'string') throw malformed('it is not a string');
  const parts = token.split('.');
  if (parts.length !== 5) throw malformed('expected 5 dot-separated parts');
  const [version, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw malformed('unknown version');
  if (!PERSONAL_DATA_KEY_ID.test(keyId)) throw malformed('invalid key id');
  const [ivBytes, tagBytes, ciphertextBytes] = [decode(iv), decode(tag), decode(ciphertext)];
  if (!ivBytes || !tagBytes || !ciphertextBytes) throw malformed('a part is not canonical base64url');
  if (ivBytes.length !== IV_BYTES) throw malformed(`the IV must be ${IV_BYTES} bytes`);
  // A short tag would weaken authentication (GCM accepts truncated tags unless told otherwise).
  if (tagBytes.length !== TAG_BYTES) throw malformed(`the tag must be ${TAG_BYTES} bytes`);
  return { keyId, iv: ivBytes, tag: tagBytes, ciphertext: ciphertextBytes };
}

/** Strict base64url: Node's decoder skips stray characters and ignores trailing bits, so one token could have many spellings. */
function decode(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return b64url(bytes) === part ? bytes : undefined;
}
