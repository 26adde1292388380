import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiClient } from '../api/client';
import type { DemoUser, Me } from '../api/types';

const KEY = 'gridline.session';

/** Who is signed in: as the demo users' page lists them, or as the gateway's `GET /me` answered for a provider's token. */
export interface SessionUser {
  sub: string;
  name: string | null;
  roles: string[];
  units: string[];
}

/** How the token came: a demo user's (development), or the organisation's OpenID provider (production). */
export type SignedInVia = 'demo' | 'oidc';

interface SavedSession {
  user: SessionUser;
  token: string;
  via: SignedInVia;
  /** When the token expires (epoch seconds); null when the console does not know (a demo token: 12 h). */
  expiresAt: number | null;
  /** Whether the provider gave a refresh token: the session renews before it expires instead of ending. */
  renewable: boolean;
}

function restored(): SavedSession | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as (SavedSession | DemoUser) | null;
    if (!saved || typeof saved.token !== 'string') return null;
    if ('user' in saved) return saved;
    // The demo sign-in's first format: the demo user with its token, flat (a tab signed in before the OIDC sign-in).
    return demoSession(saved);
  } catch {
    return null;
  }
}

function demoSession({ token, sub, name, roles, units }: DemoUser): SavedSession {
  return { user: { sub, name, roles, units }, token, via: 'demo', expiresAt: null, renewable: false };
}

/** The signed-in user and its token (kept in sessionStorage: a tab's own, gone when it closes). */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SavedSession | null>(restored());
  const user = computed(() => session.value?.user ?? null);
  const token = computed(() => session.value?.token ?? null);
  const via = computed(() => session.value?.via ?? null);
  const expiresAt = computed(() => session.value?.expiresAt ?? null);
  const renewable = computed(() => session.value?.renewable ?? false);
  const signedIn = computed(() => token.value !== null);

  function keep(next: SavedSession | null): void {
    session.value = next;
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  }

  /** Development and demo: a demo user with the token the gateway signed for them. */
  function signIn(demo: DemoUser): void {
    keep(demoSession(demo));
  }

  /** Production: the provider's access token, and who the gateway says it names (`GET /me`). */
  function signInWithProvider(me: Me, accessToken: string, tokenExpiresAt: number | null, hasRefreshToken: boolean): void {
    keep({ user: { sub: me.sub, name: me.name, roles: me.roles, units: me.units }, token: accessToken, via: 'oidc', expiresAt: tokenExpiresAt, renewable: hasRefreshToken });
  }

  /** A renewed access token for the same user. */
  function renewed(accessToken: string, tokenExpiresAt: number | null, hasRefreshToken: boolean): void {
    if (session.value) keep({ ...session.value, token: accessToken, expiresAt: tokenExpiresAt, renewable: hasRefreshToken });
  }

  function signOut(): void {
    keep(null);
  }

  const api = new ApiClient(() => token.value, signOut);
  return { user, token, via, expiresAt, renewable, signedIn, signIn, signInWithProvider, renewed, signOut, api };
});
