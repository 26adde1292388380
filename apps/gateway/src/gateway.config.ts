import { IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
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

  /**
   * Open311: the street(s) whose appeals the GeoReport v2 API takes and shows (comma-separated 9-digit codes; the
   * first is where a request that locates in no grid is filed). Default: the demo street, 东城街道.
   */
  @Matches(/^\d{9}(,\d{9})*$/, { message: 'OPEN311_STREET_CODE must be 9-digit street code(s), comma-separated' })
  OPEN311_STREET_CODE: string = '370502003';

  /** Open311: when set, a request naming another jurisdiction_id is answered 404; unset, the parameter is ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  OPEN311_JURISDICTION_ID?: string;

  /**
   * Open311: the appeal channels whose appeals GET requests shows (comma-separated). Default `open311`: what Open311
   * clients submitted; appeals taken by phone are not published unless you add `phone` here.
   */
  @Matches(/^(phone|web|app|wechat|open311|other)(,(phone|web|app|wechat|open311|other))*$/, { message: 'OPEN311_PUBLISHED_CHANNELS must be appeal channels, comma-separated' })
  OPEN311_PUBLISHED_CHANNELS: string = 'open311';
}
