import { ExportAuditMigration } from '@gridline/persistence';
import { REGISTRY_REFERENCE_MIGRATIONS, REGISTRY_REFERENCE_STAFF_MIGRATIONS } from '@gridline/registry-reference';
import { AppealProjectionMigration } from './appeal-projection.migration';
import { AppealRollupsMigration } from './appeal-rollups.migration';
import { CaseHotspotIndexesMigration } from './case-hotspot-indexes.migration';
import { CaseLocationMigration } from './case-location.migration';
import { CaseOpenIndexesMigration } from './case-open-indexes.migration';
import { CaseProjectionMigration } from './case-projection.migration';
import { CaseRollupsMigration, GrainedCaseRollupsMigration } from './case-rollups.migration';
import { ClosedHoursIndexMigration } from './closed-hours-index.migration';
import { CaseWorkOrderMigration } from './case-work-order.migration';
import { CandidatesMigration } from './candidates.migration';
import { CandidateAppealsMigration } from './candidate-appeals.migration';
import { CandidateRuleStreetMigration } from './candidate-rule-street.migration';
import { GridQualityMigration } from './grid-quality.migration';
import { HotlineFiguresMigration } from './hotline-figures.migration';
import { HotspotRollupsMigration } from './hotspot-rollups.migration';
import { PartyFiguresMigration } from './party-figures.migration';
import { ProjectionBootstrapMigration } from './projection-bootstrap.migration';
import { PartyPeriodFiguresMigration } from './party-period-figures.migration';
import { RankingAppealsMigration } from './ranking-appeals.migration';
import { RankingMigration } from './ranking.migration';
import { StaffWorkloadMigration } from './staff-workload.migration';
import { UnitProjectionMigration } from './unit-projection.migration';
import { UnreadIndexesMigration } from './unread-indexes.migration';

/** Analytics' migrations in the order they apply; names never change once released. */
export const ANALYTICS_MIGRATIONS = [
  ...[UnitProjectionMigration, GridQualityMigration, HotlineFiguresMigration, PartyFiguresMigration, PartyPeriodFiguresMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The copy of the registry's reference data (names, the working calendar), as incidents, hotline and party building keep it.
  ...REGISTRY_REFERENCE_MIGRATIONS,
  ...[CaseProjectionMigration, CaseOpenIndexesMigration, CaseHotspotIndexesMigration, CaseLocationMigration, AppealProjectionMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The exports of figure tables and monthly reports (the shared export_audit), and the work orders the report names.
  ...[ExportAuditMigration, CaseWorkOrderMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The rankings: the streets' weights and their audit, covering indexes of the grouped parts.
  ...[RankingMigration].map((m) => ({ name: m.migrationName, class: m })),
  // Who acted (the staff workload): reporters, step enders, visits, party members' logins.
  ...[StaffWorkloadMigration].map((m) => ({ name: m.migrationName, class: m })),
  // Projections being filled from their sources' snapshots (the history their streams lost).
  ...[ProjectionBootstrapMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The rankings' satisfaction: the appeals closed, by place and by lead department.
  ...[RankingAppealsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The 3+N candidates: rules, the detector's lease, the candidates.
  ...[CandidatesMigration, CandidateAppealsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The rules per street, the rules so far the platform default.
  ...[CandidateRuleStreetMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The case projection's daily roll-ups, kept by statement triggers: the figures of a year sum days, not cases.
  ...[CaseRollupsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The appeal projection's: the hotline's rates per lead owner, the appeals received by place, the rankings' satisfaction.
  ...[AppealRollupsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The projections' indexes the roll-ups made unread, dropped (each cost every fold a write).
  ...[UnreadIndexesMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The hot spots' and trends' roll-ups of cases and appeals (days, months and years): a year's hot spots sum buckets, not rows.
  ...[HotspotRollupsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The registry copy's grid staff (the workload's rows: names and logins beside the assignments).
  ...REGISTRY_REFERENCE_STAFF_MIGRATIONS,
  // The case roll-ups by day, month and year and by the day a span ends, in place of the daily ones.
  ...[GrainedCaseRollupsMigration].map((m) => ({ name: m.migrationName, class: m })),
  // The exact p90's closed cases read from their index alone.
  ...[ClosedHoursIndexMigration].map((m) => ({ name: m.migrationName, class: m })),
];
