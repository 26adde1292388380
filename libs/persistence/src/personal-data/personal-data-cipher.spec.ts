import { randomBytes } from 'crypto';
import { AppError } from '@gridline/platform';
import { PersonalDataCipher, PersonalDataError, PersonalDataErrorCode, type PersonalDataCipherOptions } from './personal-data-cipher';

describe(PersonalDataCipher.name, () => {
  // Distinctive, so that finding it in a message is never a coincidence.
  const SECRET = '370502199001011234';
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const indexKey = randomBytes(32);
  const cipher = (options: Partial<PersonalDataCipherOptions> = {}) =>
    new PersonalDataCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey, ...options });

  function failureOf(action: () => unknown): PersonalDataError {
    let error: unknown;
    try {
      action();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PersonalDataError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as PersonalDataError).kind).toBe('internal');
    return error as PersonalDataError;
  }

  /** Everything a log line could show of an error. */
  const visible = (error: PersonalDataError) => `${error.message} ${JSON.stringify(error.toEnvelope())} ${error.stack}`;

  /** Replaces one dot-separated part of a token. */
  const withPart = (token: string, index: number, change: (part: string) => string) =>
    token
      .split('.')
      .map((part, i) => (i === index ? change(part) : part))
      .join('.');

  /** Flips one bit of a base64url part, keeping it canonical. */
  const flipBit = (part: string) => {
    const bytes = Buffer.from(part, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    return bytes.toString('base64url');
  };

  const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const flipLowBit = (char: string) => BASE64URL_ALPHABET[BASE64URL_ALPHABET.indexOf(char) ^ 1] as string;

  describe('construction', () => {
    it('refuses an active key that is not in the ring', () => {
      expect(failureOf(() => cipher({ activeKeyId: 'k9' })).message).toContain('the active key k9 is not in the key ring');
    });

    it('refuses keys that are not 32 bytes and an index key under 32 bytes', () => {
      const error = failureOf(() => cipher({ keys: new Map([['k1', randomBytes(16)]]), indexKey: randomBytes(31) }));
      expect(error.code).toBe(PersonalDataErrorCode.KeyringInvalid);
      expect(error.message).toContain('key k1 must be 32 bytes, not 16');
      expect(error.message).toContain('the index key must be at least 32 bytes, not 31');
    });

    it('refuses a key id that could not sit in a token', () => {
      expect(failureOf(() => cipher({ keys: new Map([['k.1', k1]]), activeKeyId: 'k.1' })).message).toContain('key id "k.1"');
    });

    it('accepts an index key longer than 32 bytes', () => {
      expect(() => cipher({ indexKey: randomBytes(64) })).not.toThrow();
    });
  });

  describe('encrypt and decrypt', () => {
    it('round-trips, Chinese text and the empty string included', () => {
      const c = cipher();
      for (const plain of [SECRET, '13812345678', '张三 · 欧阳娜娜 𠀀', '']) {
        expect(c.decrypt(c.encrypt(plain))).toBe(plain);
      }
    });

    it('makes a self-describing token that holds no plaintext', () => {
      const token = cipher().encrypt(SECRET);
      expect(token).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
      expect(token).not.toContain(SECRET);
    });

    it('gives a different token each time for the same value', () => {
      const c = cipher();
      const [a, b] = [c.encrypt(SECRET), c.encrypt(SECRET)];
      expect(a).not.toBe(b);
      expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
      expect(c.decrypt(a)).toBe(c.decrypt(b));
    });

    it.each([
      ['iv', 2],
      ['tag', 3],
      ['ciphertext', 4],
    ])('refuses a token whose %s was tampered with', (_name, index) => {
      const c = cipher();
      const error = failureOf(() => c.decrypt(withPart(c.encrypt(SECRET), index, flipBit)));
      expect(error.code).toBe(PersonalDataErrorCode.TokenTampered);
      expect(error.message).toBe('the ciphertext was tampered with or the key is wrong');
    });

    it('refuses a token re-labelled with another known key id (the key id is authenticated)', () => {
      // Same key under both ids: only the additional authenticated data can tell them apart.
      const c = cipher({ keys: new Map([['k1', k1], ['k2', k1]]) });
      const error = failureOf(() => c.decrypt(withPart(c.encrypt(SECRET), 1, () => 'k2')));
      expect(error.code).toBe(PersonalDataErrorCode.TokenTampered);
    });

    it('refuses a token under an unknown key id, naming the id', () => {
      const error = failureOf(() => cipher().decrypt(withPart(cipher().encrypt(SECRET), 1, () => 'k0')));
      expect(error.code).toBe(PersonalDataErrorCode.KeyUnknown);
      expect(error.message).toBe('unknown key id k0');
    });

    it('refuses a token made with another key under the same id', () => {
      const other = new PersonalDataCipher({ keys: new Map([['k1', k2]]), activeKeyId: 'k1', indexKey });
      expect(failureOf(() => cipher().decrypt(other.encrypt(SECRET))).code).toBe(PersonalDataErrorCode.TokenTampered);
    });

    it.each([
      ['a plaintext', SECRET],
      ['too few parts', 'v1.k1.abc'],
      ['another version', (t: string) => withPart(t, 0, () => 'v2')],
      ['a truncated tag', (t: string) => withPart(t, 3, (p) => p.slice(0, 8))],
      ['a short iv', (t: string) => withPart(t, 2, (p) => p.slice(0, 8))],
      ['a non-base64url part', (t: string) => withPart(t, 4, (p) => `${p}+`)],
      // The tag's last character carries 4 unused bits; setting one decodes to the same bytes.
      ['a non-canonical spelling of the tag', (t: string) => withPart(t, 3, (p) => p.slice(0, -1) + flipLowBit(p.slice(-1)))],
    ])('refuses a malformed token: %s', (_name, make) => {
      const c = cipher();
      const token = typeof make === 'string' ? make : make(c.encrypt(SECRET));
      const error = failureOf(() => c.decrypt(token));
      expect(error.code).toBe(PersonalDataErrorCode.TokenMalformed);
      expect(error.message).toMatch(/^the personal data token is malformed: /);
    });

    it('never puts the plaintext or the token in an error', () => {
      const c = cipher();
      const token = c.encrypt(SECRET);
      const failures = [
        failureOf(() => c.decrypt(withPart(token, 4, flipBit))),
        failureOf(() => c.decrypt(withPart(token, 1, () => 'k0'))),
        failureOf(() => c.decrypt(SECRET)),
        failureOf(() => c.decrypt(`v1.k1.${SECRET}`)),
        failureOf(() => c.keyIdOf(`${SECRET}.x`)),
      ];
      for (const error of failures) {
        expect(visible(error)).not.toContain(SECRET);
        expect(visible(error)).not.toContain(token);
        expect(visible(error)).not.toContain(token.split('.')[4]);
      }
    });
  });

  describe('key rotation', () => {
    const before = cipher();
    const after = cipher({ keys: new Map([['k1', k1], ['k2', k2]]), activeKeyId: 'k2' });

    it('still opens tokens of a retired key that stays in the ring', () => {
      const old = before.encrypt(SECRET);
      expect(after.decrypt(old)).toBe(SECRET);
      expect(after.encrypt(SECRET).startsWith('v1.k2.')).toBe(true);
    });

    it('tells which tokens need rotation', () => {
      const old = before.encrypt(SECRET);
      expect(after.keyIdOf(old)).toBe('k1');
      expect(after.needsRotation(old)).toBe(true);
      expect(after.needsRotation(after.encrypt(SECRET))).toBe(false);
    });

    it('rotates a token to the active key, and leaves a current one as it is', () => {
      const rotated = after.rotate(before.encrypt(SECRET));
      expect(after.keyIdOf(rotated)).toBe('k2');
      expect(after.needsRotation(rotated)).toBe(false);
      expect(after.decrypt(rotated)).toBe(SECRET);
      expect(after.rotate(rotated)).toBe(rotated);
      // Once rotated, the retired key can leave the ring.
      expect(cipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2' }).decrypt(rotated)).toBe(SECRET);
    });

    it('refuses to rotate a tampered token', () => {
      expect(failureOf(() => after.rotate(withPart(before.encrypt(SECRET), 4, flipBit))).code).toBe(PersonalDataErrorCode.TokenTampered);
    });
  });

  describe('blindIndex', () => {
    it('is the same for the same kind and value, whatever the encryption keys', () => {
      const index = cipher().blindIndex('id', SECRET);
      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher().blindIndex('id', SECRET)).toBe(index);
      expect(cipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2' }).blindIndex('id', SECRET)).toBe(index);
    });

    it('differs across values, kinds and index keys', () => {
      const c = cipher();
      expect(c.blindIndex('id', SECRET)).not.toBe(c.blindIndex('id', '370502199001011235'));
      expect(c.blindIndex('id', '13812345678')).not.toBe(c.blindIndex('phone', '13812345678'));
      expect(cipher({ indexKey: randomBytes(32) }).blindIndex('id', SECRET)).not.toBe(c.blindIndex('id', SECRET));
    });

    it('does not contain the value', () => {
      expect(cipher().blindIndex('phone', '13812345678')).not.toContain('13812345678');
    });

    it('refuses a kind that could collide with another (a separator inside it)', () => {
      const error = failureOf(() => cipher().blindIndex('id:x', SECRET));
      expect(error.code).toBe(PersonalDataErrorCode.IndexKindInvalid);
      expect(visible(error)).not.toContain(SECRET);
      expect(() => cipher().blindIndex('', SECRET)).toThrow(PersonalDataError);
    });
  });
});
