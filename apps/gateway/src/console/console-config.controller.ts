import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ConfigError, Public } from '@gridline/platform';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import type { GatewayConfig } from '../gateway.config';
import type { DemoSignIn } from '../dev/demo-users.controller';

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

export class ConsoleOidcView {
  @ApiProperty({ description: 'The OpenID provider\'s issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`)', example: 'https://id.example.gov.cn/realms/street' })
  issuer!: string;

  @ApiProperty({ description: "The console's client id there: a public client, authorization code flow with PKCE", example: 'gridline-console' })
  clientId!: string;

  @ApiProperty({ description: 'The scopes to ask for, space-separated', example: 'openid profile' })
  scope!: string;

  @ApiPropertyOptional({ description: 'What the sign-in button names ("Sign in with …"); null: a generic label', type: String, nullable: true, example: '东城街道统一身份认证' })
  name!: string | null;
}

export class ConsoleConfigView {
  @ApiProperty({ description: 'The production sign-in (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_SCOPE, OIDC_DISPLAY_NAME); null when not configured', type: ConsoleOidcView, nullable: true })
  oidc!: ConsoleOidcView | null;

  @ApiProperty({ description: 'Whether the demo users\' sign-in (GET /api/v1/dev/demo-users) answers: not in production, not with JWKS_URL' })
  demo!: boolean;
}

/** The console's public config from the gateway's: the OIDC sign-in when configured, and whether demo sign-in is on. */
export function consoleConfigFrom(config: GatewayConfig, demo: DemoSignIn): ConsoleConfigView {
  const problems: string[] = [];
  if (config.OIDC_ISSUER_URL && !config.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER_URL (the console\'s client id at the provider)');
  if (config.OIDC_CLIENT_ID && !config.OIDC_ISSUER_URL) problems.push('OIDC_ISSUER_URL: required with OIDC_CLIENT_ID');
  // The provider's access tokens are RS256/ES256 JWTs: an HS256 gateway would refuse every one of them.
  if (config.OIDC_ISSUER_URL && !config.JWKS_URL) problems.push("JWKS_URL: required with OIDC_ISSUER_URL (the provider's keys, to verify its access tokens)");
  if (problems.length > 0) throw new ConfigError(problems);
  const oidc = config.OIDC_ISSUER_URL
    ? { issuer: config.OIDC_ISSUER_URL, clientId: config.OIDC_CLIENT_ID!, scope: config.OIDC_SCOPE, name: config.OIDC_DISPLAY_NAME ?? null }
    : null;
  return { oidc, demo: demo.enabled };
}

/** What the console needs to know before anyone signs in: how they may sign in. No token needed, nothing secret. */
@ApiTags('console')
@Public()
@ApiProblems()
@Controller(`${API_PREFIX}/console-config`)
export class ConsoleConfigController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfigView) {}

  @Get()
  @ApiOperation({
    summary: "How the console signs users in: the organisation's OpenID provider (code flow with PKCE) and/or the demo users",
    description: 'No token needed. `oidc` is null unless OIDC_ISSUER_URL and OIDC_CLIENT_ID are set; `demo` is true when GET /api/v1/dev/demo-users answers.',
  })
  @ApiOkResponse({ type: ConsoleConfigView })
  read(): ConsoleConfigView {
    return this.config;
  }
}
