// A real OpenID provider for the sign-in tests: node-oidc-provider (ESM-only, so it runs in a process of its own,
// started by oidc-test-provider.ts; Jest's module loader is CommonJS). Its development login page takes any login
// whose name is a user of OIDC_TEST_PROVIDER; its access tokens are RS256 JWTs for the gateway's audience, carrying
// the user's `roles`, `units` and `name` as the organisation's provider is configured to.
// Input: env OIDC_TEST_PROVIDER = { clientId, redirectUris, postLogoutRedirectUris, audience, accessTokenTtl, users }.
// Output: one line on stdout, { "issuer": "http://127.0.0.1:<port>" }, once it listens.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
const users = settings.users ?? {};
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-provider-1', alg: 'RS256', use: 'sig' };
const RESOURCE_SCOPE = 'gridline';

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: settings.redirectUris,
      post_logout_redirect_uris: settings.postLogoutRedirectUris,
    },
  ],
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name'] },
  ttl: { AccessToken: settings.accessTokenTtl ?? 600, IdToken: 600, RefreshToken: 3600, Session: 3600, Grant: 3600, Interaction: 600 },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  async findAccount(_ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: user.name }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // The console asks for no resource: its tokens are for the gateway.
      defaultResource: () => settings.audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== settings.audience) throw new Provider.errors.InvalidTarget();
        return { scope: RESOURCE_SCOPE, audience: settings.audience, accessTokenTTL: settings.accessTokenTtl ?? 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  // A first-party client: the organisation's own console needs no consent screen, only the login.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile offline_access');
    grant.addResourceScope(settings.audience, RESOURCE_SCOPE);
    await grant.save();
    return grant;
  },
  // Refresh tokens for the console without prompt=consent (which offline_access otherwise needs): silent renewal.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken') return undefined;
    const user = users[token.accountId];
    return user ? { name: user.name, roles: user.roles, units: user.units } : undefined;
  },
});
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
