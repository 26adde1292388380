import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEV_JWT } from '@gridline/auth';
import { envBoolean } from '@gridline/platform';

/** `npm run token`: signs development tokens the way the gateway verifies them (its JWT_* variables). */
export class TokenConfig {
  /** The gateway's HS256 secret (the documented development secret when unset). */
  @IsString()
  @MinLength(1)
  JWT_SECRET: string = DEV_JWT.secret;

  @IsString()
  JWT_ISSUER: string = DEV_JWT.issuer;

  @IsString()
  JWT_AUDIENCE: string = DEV_JWT.audience;
}

/** `npm start`: where the platform runs locally. The services and the gateway read their own config classes. */
export class StartConfig extends TokenConfig {
  /** The platform's database (created if missing); passed on to every service. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/gridline';

  @Matches(/^(nats|tls|ws|wss):\/\/[^,]+(,(nats|tls|ws|wss):\/\/[^,]+)*$/, { message: 'must be nats:// URL(s), comma-separated' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @Matches(/^[a-z0-9_-]*$/, { message: 'must be lower-case letters, digits, - or _' })
  NATS_PREFIX: string = '';

  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_PORT: number = 3000;

  /** Seed the demo street once the platform is up (`SEED=false` skips it). */
  @Transform(envBoolean)
  @IsBoolean()
  SEED: boolean = true;
}
