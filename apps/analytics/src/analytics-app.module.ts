import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { BOUNDED_READS_SETTINGS, BoundedReadInterceptor, BoundedReads, ExportAuditEntity, TransactionRunner, type BoundedReadsSettings } from '@gridline/persistence';
import { HotlineClient } from '@gridline/contracts-hotline';
import { IncidentsClient } from '@gridline/contracts-incidents';
import { PartySnapshotClient } from '@gridline/contracts-party-building';
import { RegistryClient } from '@gridline/contracts-registry';
import { REGISTRY_REFERENCE_ENTITIES, RegistryReferenceModule, type RegistryReferenceFillSettings } from '@gridline/registry-reference';
import type { AnalyticsConfig } from './analytics.config';
import { AnalyticsExportsModule } from './exports/analytics-exports.module';
import { CandidatesModule } from './candidates/candidates.module';
import { FiguresModule } from './figures/figures.module';
import { HotspotsModule } from './hotspots/hotspots.module';
import { HotlineFiguresModule } from './hotline/hotline-figures.module';
import { ANALYTICS_MIGRATIONS } from './migrations/analytics.migrations';
import { OverviewModule } from './overview/overview.module';
import { PartyFiguresModule } from './party/party-figures.module';
import { PROJECTION_BOOTSTRAP_SETTINGS, type ProjectionBootstrapSettings } from './projection/projection-bootstrap';
import { ProjectionModule } from './projection/projection.module';
import { RankingsModule } from './rankings/rankings.module';
import { ReportsModule } from './reports/reports.module';
import { WorkloadModule } from './workload/workload.module';
import { UnitProjection } from './projection/unit-projection.entity';

export const ANALYTICS_SERVICE = 'analytics';

/** What the analytics service keeps in its schema (also used by `npm run migrate`). */
export const ANALYTICS_PERSISTENCE = { service: ANALYTICS_SERVICE, entities: [UnitProjection, ExportAuditEntity, ...REGISTRY_REFERENCE_ENTITIES], migrations: ANALYTICS_MIGRATIONS };

/**
 * The analytics service: one feature module per area (projections, overview, hotline figures, party figures, the
 * figures by scope and period), with the copy of the registry's reference data (names, the working calendar).
 */
@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    // The copy keeps the grid staff too: the staff workload's rows.
    const copyFill: RegistryReferenceFillSettings = { autoStart: overrides.startWorkers ?? true, retryMs: 10_000, staff: true };
    const bootstrap: ProjectionBootstrapSettings = { service: ANALYTICS_SERVICE, prefix: config.NATS_PREFIX, autoStart: overrides.startWorkers ?? true, retryMs: 10_000 };
    const reads: BoundedReadsSettings = { service: ANALYTICS_SERVICE, timeoutMs: config.ANALYTICS_STATEMENT_TIMEOUT_MS };
    return {
      module: AnalyticsAppModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ ...ANALYTICS_PERSISTENCE, config, ...overrides }),
        RegistryReferenceModule.forService(copyFill),
        ProjectionModule,
        OverviewModule,
        HotlineFiguresModule,
        PartyFiguresModule,
        FiguresModule,
        HotspotsModule,
        AnalyticsExportsModule,
        ReportsModule,
        RankingsModule,
        WorkloadModule,
        CandidatesModule.register({ scanMs: config.CANDIDATE_SCAN_MS, autoStart: overrides.startWorkers ?? true }),
      ],
      // Incidents, the hotline and party building are asked for their snapshots (as svc:analytics) when the case, the appeal or the party projection starts after its stream lost messages.
      // BoundedReads: the request-reply reads (`@BoundedRead()` on their bus controllers) stop after ANALYTICS_STATEMENT_TIMEOUT_MS.
      providers: [RegistryClient, IncidentsClient, HotlineClient, PartySnapshotClient, TransactionRunner, BoundedReads, BoundedReadInterceptor, { provide: BOUNDED_READS_SETTINGS, useValue: reads }, { provide: PROJECTION_BOOTSTRAP_SETTINGS, useValue: bootstrap }],
      exports: [RegistryClient, IncidentsClient, HotlineClient, PartySnapshotClient, TransactionRunner, BoundedReads, BoundedReadInterceptor, PROJECTION_BOOTSTRAP_SETTINGS],
    };
  }
}
