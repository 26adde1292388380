import type { Type } from '@nestjs/common';
import type { EventSubscriber } from '@gridline/messaging';
import { REGISTRY_REFERENCE_TABLES, RegistryReferenceSubscriber } from '@gridline/registry-reference';
import { AppealProjectionSubscriber } from './appeal-projection.subscriber';
import { APPEAL_ROLLUPS } from './appeal-rollups';
import { AppealSnapshot } from './appeal-snapshot';
import { CaseProjectionSubscriber } from './case-projection.subscriber';
import { CaseSnapshot } from './case-snapshot';
import { HotlineFiguresProjectionSubscriber } from './hotline-figures-projection.subscriber';
import { PARTY_PROJECTION_TABLES } from './party-projection.repository';
import { PartyProjectionSubscriber } from './party-projection.subscriber';
import { PartySnapshot } from './party-snapshot';
import { CASE_ROLLUPS } from './rollups';
import { APPEAL_HOTSPOT_ROLLUPS, CASE_HOTSPOT_ROLLUPS } from './hotspot-rollups';
import { QualityProjectionSubscriber } from './quality-projection.subscriber';
import type { ProjectionSnapshot } from './projection-snapshot';
import { UnitProjectionSubscriber } from './unit-projection.subscriber';
import { VisitLogSubscriber } from './visit-log.subscriber';

/** One projection analytics keeps from another service's events. */
export interface AnalyticsProjection {
  /**
   * The subscriber: its stream subjects (`source`, `filter`) and its apply functions (`handlers()`). The live durable
   * consumer `analytics-<name>` runs it, and `nx run analytics:rebuild` replays the stream through the very same one.
   */
  readonly subscriber: Type<EventSubscriber>;
  /** The tables only this projection writes: what a rebuild builds afresh and swaps in (with the inbox). */
  readonly tables: readonly string[];
  /**
   * How it is filled from its source's snapshot when its stream has lost its first messages (`ProjectionBootstrap`):
   * a provider of `ProjectionModule`. Without it, history older than the stream keeps is not seen.
   */
  readonly snapshot?: Type<ProjectionSnapshot>;
  /** Provided by a module of its own (the registry copy's `RegistryReferenceModule`), not by `ProjectionModule`. */
  readonly providedElsewhere?: true;
}

/**
 * Every projection of analytics, in the order a rebuild replays them (the registry copy first: the case fold reads
 * its working calendar). A new projection joins by adding its entry here — never by listing its subscriber in a
 * module by hand, so the live consumers and the rebuild can never disagree (an int-spec checks it).
 */
export const ANALYTICS_PROJECTIONS: readonly AnalyticsProjection[] = [
  { subscriber: RegistryReferenceSubscriber, tables: REGISTRY_REFERENCE_TABLES, providedElsewhere: true },
  { subscriber: UnitProjectionSubscriber, tables: ['unit_projection'] },
  { subscriber: QualityProjectionSubscriber, tables: ['grid_quality'] },
  { subscriber: HotlineFiguresProjectionSubscriber, tables: ['hotline_owner_figures'] },
  { subscriber: PartyProjectionSubscriber, tables: PARTY_PROJECTION_TABLES, snapshot: PartySnapshot },
  { subscriber: CaseProjectionSubscriber, tables: ['case_event', 'case_projection', 'case_step', 'case_fact', ...CASE_ROLLUPS.map((r) => r.table), ...CASE_HOTSPOT_ROLLUPS.map((r) => r.table)], snapshot: CaseSnapshot },
  { subscriber: AppealProjectionSubscriber, tables: ['appeal_projection', ...APPEAL_ROLLUPS.map((r) => r.table), ...APPEAL_HOTSPOT_ROLLUPS.map((r) => r.table)], snapshot: AppealSnapshot },
  { subscriber: VisitLogSubscriber, tables: ['visit_log'] },
];

/**
 * Consumers of analytics that are not projections, so a rebuild leaves them and their inbox rows as they are: candidate
 * outcomes (`candidate-outcome`) write onto the 3+N candidates analytics owns (dismissals, lifts), which no stream
 * holds. A new consumer is either an entry above or named here (the rebuild int-spec checks it).
 */
export const NOT_REBUILT_SUBSCRIBERS: readonly string[] = ['candidate-outcome'];

/** The subscribers and snapshots `ProjectionModule` provides (all but those provided by a module of their own). */
export const PROJECTION_PROVIDERS = [
  ...ANALYTICS_PROJECTIONS.filter((p) => !p.providedElsewhere).map((p) => p.subscriber),
  ...ANALYTICS_PROJECTIONS.flatMap((p) => (p.snapshot ? [p.snapshot] : [])),
];
