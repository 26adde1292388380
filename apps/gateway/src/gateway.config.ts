import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { ProcessConfig } from '@gridline/platform';
import { DEV_JWT } from '@gridline/auth';

/** The gateway's configuration (with NATS, HTTP and logging from ProcessConfig). */
export class GatewayConfig extends ProcessConfig {
  override HTTP_PORT: number = 3000;

  /** HS256 secret for bearer tokens. The default is for development only: set your own. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = DEV_JWT.secret;

  @IsString()
  JWT_ISSUER: string = DEV_JWT.issuer;

  @IsString()
  JWT_AUDIENCE: string = DEV_JWT.audience;

  /** When set, tokens are RS256, verified with the keys at this JWKS URL (JWT_SECRET is then unused). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'JWKS_URL must be an http(s) URL' })
  JWKS_URL?: string;
}
