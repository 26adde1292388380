import { onScopeDispose, watch } from 'vue';
import type { ProviderToken } from './oidc';
import { useSessionStore } from './session.store';

/** A renewal starts this long before the token expires (or halfway through a shorter remaining life). */
export const RENEW_BEFORE_MS = 60_000;

export interface SessionExpiryHandlers {
  /** A new token for the signed-in user (the provider's refresh token); null or a throw: it cannot be renewed. */
  renew: () => Promise<ProviderToken | null>;
  /** The token expired without renewal: the session is already signed out when this is called. */
  expired: () => void;
}

/**
 * Keeps a provider's session alive or ends it: shortly before its access token expires it asks for a new one when
 * the session is renewable; at expiry, without a new one, it signs out (the gateway would refuse every request).
 * A session without a known expiry (a demo token) is left to the gateway's 401.
 */
export function useSessionExpiry(handlers: SessionExpiryHandlers): void {
  const session = useSessionStore();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function expireAt(expiresAt: number): void {
    clear();
    timer = setTimeout(() => {
      session.signOut();
      handlers.expired();
    }, Math.max(0, expiresAt * 1000 - Date.now()));
  }

  async function renew(expiresAt: number): Promise<void> {
    try {
      const token = await handlers.renew();
      if (token && session.signedIn) {
        session.renewed(token.accessToken, token.expiresAt, token.renewable);
        return;
      }
    } catch {
      // Not renewed (the provider refused the refresh token, or is unreachable): the session ends at expiry.
    }
    if (session.signedIn && session.expiresAt === expiresAt) expireAt(expiresAt);
  }

  function schedule(): void {
    clear();
    const expiresAt = session.expiresAt;
    if (!session.signedIn || expiresAt === null) return;
    const left = expiresAt * 1000 - Date.now();
    if (session.via !== 'oidc' || !session.renewable || left <= 0) return expireAt(expiresAt);
    timer = setTimeout(() => void renew(expiresAt), left > 2 * RENEW_BEFORE_MS ? left - RENEW_BEFORE_MS : left / 2);
  }

  watch(() => [session.token, session.expiresAt, session.renewable], schedule, { immediate: true });
  onScopeDispose(clear);
}
