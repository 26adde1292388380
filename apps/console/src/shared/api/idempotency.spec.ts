import { describe, expect, it } from 'vitest';
import { idempotencyKeys } from './idempotency';

describe(idempotencyKeys.name, () => {
  it('keeps the key for the same body (a retry) and makes a new one for a changed body', () => {
    let n = 0;
    const keyFor = idempotencyKeys(() => `key-${++n}`);
    expect(keyFor({ title: 'a' })).toBe('key-1');
    expect(keyFor({ title: 'a' })).toBe('key-1');
    expect(keyFor({ title: 'b' })).toBe('key-2');
  });
});
