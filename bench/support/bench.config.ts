import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsPositive, IsString, Matches, Min } from 'class-validator';
import { envBoolean, loadConfig } from '@gridline/platform';

/** What the benchmarks read from the environment (docs/BENCHMARKS.md); the apps they start read their own. */
export class BenchConfig {
  /** Length of each measured run, in seconds. */
  @IsPositive()
  BENCH_SECONDS: number = 10;

  /** Unmeasured run of the same scenario before each measured one, in seconds. */
  @IsPositive()
  BENCH_WARMUP_SECONDS: number = 2;

  /** `LOG_LEVEL` of the apps under test. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  BENCH_LOG_LEVEL: string = 'info';

  /** bench:import — rows of the large file (the small one has a tenth). */
  @IsPositive()
  BENCH_ROWS: number = 100_000;

  /** bench:import — the budget per 100 000 rows, in seconds. */
  @IsPositive()
  BENCH_MAX_SECONDS_PER_100K: number = 30;

  /** bench:incidents, bench:analytics — cases in the table (the projection's, for analytics). */
  @IsPositive()
  BENCH_CASES: number = 1_000_000;

  /** bench:analytics — appeals in the appeal projection; bench:appeals — appeals in the hotline's table. */
  @IsPositive()
  BENCH_APPEALS: number = 1_000_000;

  /** bench:residents — residents in the registry's table. */
  @IsPositive()
  BENCH_RESIDENTS: number = 500_000;

  /** bench:analytics — incident events published for the rebuild's throughput (`0` skips the rebuild). */
  @Min(0)
  BENCH_REBUILD_EVENTS: number = 100_000;

  /** bench:incidents — SQL run on the bench database before measuring (an index to try). */
  @IsOptional()
  @IsString()
  BENCH_EXTRA_SQL?: string;

  /** bench:incidents — also measure the proposed indexes (`BENCH_TRY_PROPOSALS=false` skips them). */
  @Transform(envBoolean)
  @IsBoolean()
  BENCH_TRY_PROPOSALS: boolean = true;

  /** The administrative database, where the bench database is created and dropped. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/postgres';

  @Matches(/^(nats|tls|ws|wss):\/\/[^,]+(,(nats|tls|ws|wss):\/\/[^,]+)*$/, { message: 'must be nats:// URL(s), comma-separated' })
  NATS_URL: string = 'nats://127.0.0.1:4222';
}

/** The benchmark's settings, read once; a bad value stops it naming the variable. */
export function benchConfig(): BenchConfig {
  return loadConfig(BenchConfig);
}
