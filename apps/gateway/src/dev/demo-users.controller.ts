import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEMO_USERS, signDevToken } from '@gridline/auth';
import { AppError, CommonErrorCode, Public } from '@gridline/platform';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import type { GatewayConfig } from '../gateway.config';

export const DEMO_SIGN_IN = Symbol('DEMO_SIGN_IN');

/** What the development sign-in needs of the gateway's config: whether it may sign, and how. */
export interface DemoSignIn {
  /** False in production, and when tokens are verified by JWKS (the gateway then holds no key to sign with). */
  enabled: boolean;
  jwt: { secret: string; issuer: string; audience: string };
}

export function demoSignInFrom(config: GatewayConfig): DemoSignIn {
  return {
    enabled: config.NODE_ENV !== 'production' && !config.JWKS_URL,
    jwt: { secret: config.JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  };
}

export interface DemoUserView {
  sub: string;
  name: string | null;
  title: string;
  roles: string[];
  units: string[];
  token: string;
}

/**
 * The console's development and demo sign-in: the demo users `npm start` prints, each with a fresh token (12 h).
 * Never in production: there it answers 404, as if the route did not exist.
 */
@ApiTags('development')
@Public()
@ApiProblems()
@Controller(`${API_PREFIX}/dev`)
export class DemoUsersController {
  constructor(@Inject(DEMO_SIGN_IN) private readonly signIn: DemoSignIn) {}

  @Get('demo-users')
  @ApiOperation({
    summary: 'The demo users with a token each, for the console sign-in (not in production: 404 there)',
    description: 'No token needed. Answered only when NODE_ENV is not `production` and tokens are HS256 (no JWKS_URL); otherwise 404 NOT_FOUND.',
  })
  @ApiOkResponse({ description: '`{ items: [{ sub, name, title, roles, units, token }] }`' })
  async list(): Promise<{ items: DemoUserView[] }> {
    if (!this.signIn.enabled) throw new AppError(CommonErrorCode.NotFound, 'not_found', 'Route GET:/api/v1/dev/demo-users not found');
    const items = await Promise.all(
      DEMO_USERS.map(async (user) => ({
        sub: user.sub,
        name: user.name ?? null,
        title: user.title,
        roles: [...user.roles],
        units: [...user.units],
        token: await signDevToken(user, this.signIn.jwt),
      })),
    );
    return { items };
  }
}

