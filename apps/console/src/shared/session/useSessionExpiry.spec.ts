import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { ProviderToken } from './oidc';
import { useSessionStore } from './session.store';
import { RENEW_BEFORE_MS, useSessionExpiry } from './useSessionExpiry';

const NOW = Date.parse('2026-12-02T04:00:00Z');
const ME = { sub: 'wang.fang', name: '王芳', roles: ['grid_staff'], units: ['370502003001001'] };
const inSeconds = (ms: number) => Math.floor((NOW + ms) / 1000);

function keeper(renew: () => Promise<ProviderToken | null>) {
  const expired = vi.fn();
  const scope = effectScope();
  const session = useSessionStore();
  scope.run(() => useSessionExpiry({ renew, expired }));
  return { session, expired, scope };
}

describe(useSessionExpiry.name, () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.useRealTimers();
    sessionStorage.clear();
  });

  it("renews a provider's token with the refresh token a minute before it expires, and keeps the user signed in", async () => {
    const renew = vi.fn(async () => ({ accessToken: 'second', expiresAt: inSeconds(20 * 60_000), renewable: true }));
    const { session, expired, scope } = keeper(renew);
    session.signInWithProvider(ME, 'first', inSeconds(10 * 60_000), true);
    await vi.advanceTimersByTimeAsync(10 * 60_000 - RENEW_BEFORE_MS - 1);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(1);
    expect({ token: session.token, expiresAt: session.expiresAt, user: session.user }).toEqual({ token: 'second', expiresAt: inSeconds(20 * 60_000), user: ME });
    expect(JSON.parse(sessionStorage.getItem('gridline.session')!)).toMatchObject({ token: 'second', via: 'oidc' });
    // Past the first token's expiry: still signed in, with the second.
    await vi.advanceTimersByTimeAsync(2 * RENEW_BEFORE_MS);
    expect([session.signedIn, expired.mock.calls.length]).toEqual([true, 0]);
    scope.stop();
  });

  it('renews a short-lived token halfway through its life', async () => {
    const renew = vi.fn(async () => ({ accessToken: 'second', expiresAt: inSeconds(40_000), renewable: true }));
    const { session, scope } = keeper(renew);
    session.signInWithProvider(ME, 'first', inSeconds(20_000), true);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(session.token).toBe('second');
    scope.stop();
  });

  it('signs out at expiry when the provider gave no refresh token', async () => {
    const renew = vi.fn(async () => null);
    const { session, expired, scope } = keeper(renew);
    session.signInWithProvider(ME, 'only', inSeconds(5 * 60_000), false);
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect([session.signedIn, expired.mock.calls.length]).toEqual([true, 0]);
    await vi.advanceTimersByTimeAsync(1);
    expect([session.signedIn, expired.mock.calls.length, renew.mock.calls.length]).toEqual([false, 1, 0]);
    expect(sessionStorage.getItem('gridline.session')).toBeNull();
    scope.stop();
  });

  it('signs out at expiry when the renewal is refused', async () => {
    const renew = vi.fn(async () => {
      throw new Error('invalid_grant');
    });
    const { session, expired, scope } = keeper(renew);
    session.signInWithProvider(ME, 'first', inSeconds(10 * 60_000), true);
    await vi.advanceTimersByTimeAsync(10 * 60_000 - RENEW_BEFORE_MS);
    expect([renew.mock.calls.length, session.signedIn]).toEqual([1, true]);
    await vi.advanceTimersByTimeAsync(RENEW_BEFORE_MS);
    expect([session.signedIn, expired.mock.calls.length]).toEqual([false, 1]);
    scope.stop();
  });

  it("leaves a demo user's session to the gateway's 401 (the console does not know its expiry)", async () => {
    const renew = vi.fn(async () => null);
    const { session, expired, scope } = keeper(renew);
    session.signIn({ ...ME, title: '网格员', token: 'demo' });
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect([session.signedIn, session.via, expired.mock.calls.length, renew.mock.calls.length]).toEqual([true, 'demo', 0, 0]);
    scope.stop();
  });
});
