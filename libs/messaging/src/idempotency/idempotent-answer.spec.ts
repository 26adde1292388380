import { canonicalJson, keyHash, openAnswer, requestHash, sealAnswer } from './idempotent-answer';
import { assertIdempotencyKey } from './idempotency-key';

describe('idempotent answers', () => {
  const key = '7f9c2ba4-e88f-4d3c-9b1a-2f1c3d4e5f60';

  it('opens what it sealed, for the same key and caller only', () => {
    const answer = { id: 'a1', apiKey: 'o311_secret', phone: '13805469999', nested: [1, { b: null }] };
    const sealed = sealAnswer(key, 'alice', answer);
    expect(sealed).not.toContain('o311_secret');
    expect(sealed).not.toContain('13805469999');
    expect(openAnswer(key, 'alice', sealed)).toEqual(answer);
    expect(() => openAnswer(key, 'bob', sealed)).toThrow();
    expect(() => openAnswer(`${key}x`, 'alice', sealed)).toThrow();
  });

  it('refuses a tampered answer', () => {
    const [v, iv, tag, body] = sealAnswer(key, 'alice', { id: 'a1' }).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => openAnswer(key, 'alice', [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('fingerprints a request whatever its key order, and tells operations and payloads apart', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: undefined } })).toBe('{"a":{"d":[1,2]},"b":1}');
    expect(requestHash(key, 'registry.unit.create', { a: 1, b: 2 })).toBe(requestHash(key, 'registry.unit.create', { b: 2, a: 1 }));
    expect(requestHash(key, 'registry.unit.create', { a: 1 })).not.toBe(requestHash(key, 'registry.person.create', { a: 1 }));
    expect(requestHash(key, 'registry.unit.create', { a: 1 })).not.toBe(requestHash(key, 'registry.unit.create', { a: 2 }));
    expect(keyHash(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash(key)).not.toContain(key);
  });

  it.each(['1234567', 'x'.repeat(129), 'with space', 'tab\there', 'ключключ', '', undefined, 42])('refuses the key %p naming the header', (bad) => {
    expect(() => assertIdempotencyKey(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'Idempotency-Key' })] } }));
  });

  it.each(['12345678', key, 'x'.repeat(128), 'order:2026-12-01/42'])('takes the key %p', (good) => {
    expect(() => assertIdempotencyKey(good)).not.toThrow();
  });
});
