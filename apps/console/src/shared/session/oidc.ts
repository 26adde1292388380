import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '../api/types';

export type OidcSettings = NonNullable<ConsoleConfig['oidc']>;

/** An access token from the provider, as the session keeps it. */
export interface ProviderToken {
  accessToken: string;
  /** Epoch seconds; null when the provider did not say (`expires_in`). */
  expiresAt: number | null;
  renewable: boolean;
}

/** Where the provider sends the browser back: the callback page, and the sign-in page after a sign-out. */
export const CALLBACK_PATH = '/sign-in/callback';
const SIGNED_OUT_PATH = '/sign-in';

/**
 * The organisation's OpenID provider: the authorization code flow with PKCE (oidc-client-ts), a public client.
 * Its state and its user (with the ID and refresh tokens) are kept in sessionStorage like the session itself.
 * No iframes (the console's CSP forbids framing, and third-party cookies make them unreliable anyway): a token is
 * renewed with the refresh token when the provider gave one, and the session ends at expiry otherwise.
 */
export class OidcSignIn {
  constructor(private readonly manager: UserManager) {}

  static for(settings: OidcSettings, origin = window.location.origin): OidcSignIn {
    return new OidcSignIn(
      new UserManager({
        authority: settings.issuer,
        client_id: settings.clientId,
        scope: settings.scope,
        response_type: 'code',
        redirect_uri: origin + CALLBACK_PATH,
        post_logout_redirect_uri: origin + SIGNED_OUT_PATH,
        // The gateway's GET /me says who the token names: its roles and units are the ones it will enforce.
        loadUserInfo: false,
        automaticSilentRenew: false,
        monitorSession: false,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      }),
    );
  }

  /** Goes to the provider's sign-in page; after it, the callback page opens `next`. */
  start(next: string): Promise<void> {
    return this.manager.signinRedirect({ state: { next } });
  }

  /** On the callback page: the code exchanged (with the PKCE verifier) for the tokens, and where to go next. */
  async complete(url: string): Promise<ProviderToken & { next: string }> {
    const user = await this.manager.signinRedirectCallback(url);
    const state = user.state as { next?: unknown } | undefined;
    return { ...tokenOf(user), next: typeof state?.next === 'string' && state.next.startsWith('/') ? state.next : '/cases' };
  }

  /** A new access token by the refresh token; null when there is none to renew with. */
  async renew(): Promise<ProviderToken | null> {
    const current = await this.manager.getUser();
    if (!current?.refresh_token) return null;
    const user = await this.manager.signinSilent();
    return user ? tokenOf(user) : null;
  }

  /**
   * Ends the session at the provider when it offers end_session (the browser leaves for it, and comes back to the
   * sign-in page): true then. Otherwise forgets the tokens here only: false.
   */
  async signOut(): Promise<boolean> {
    const endpoint = await this.manager.metadataService.getEndSessionEndpoint().catch(() => undefined);
    const user = await this.manager.getUser();
    if (endpoint && user) {
      await this.manager.signoutRedirect({ id_token_hint: user.id_token });
      return true;
    }
    await this.manager.removeUser();
    return false;
  }
}

function tokenOf(user: User): ProviderToken {
  return { accessToken: user.access_token, expiresAt: user.expires_at ?? null, renewable: Boolean(user.refresh_token) };
}

let current: { key: string; client: OidcSignIn } | undefined;

/** The one OidcSignIn of this page for these settings. */
export function oidcSignIn(settings: OidcSettings): OidcSignIn {
  const key = JSON.stringify(settings);
  if (current?.key !== key) current = { key, client: OidcSignIn.for(settings) };
  return current.client;
}
