import { Controller, Get, Inject, Module, type DynamicModule, type Type } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';

/** One dependency the service needs to do its work (database, NATS, JetStream...). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency is usable; throws with a reason otherwise. */
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is alive (no dependency is checked: a restart would not fix them). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The service can take work: every dependency answers. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.checks.map((c) => async () => {
        const indicator = this.indicator.check(c.name);
        try {
          await c.check();
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}

@Module({})
export class HealthModule {
  static forChecks(checks: Type<ReadinessCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        ...checks,
        { provide: READINESS_CHECKS, useFactory: (...instances: ReadinessCheck[]) => instances, inject: checks },
      ],
    };
  }
}
