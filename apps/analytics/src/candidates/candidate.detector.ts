import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, Outbox, type ClaimedPass, type PollingWorkerSettings } from '@gridline/messaging';
import { ANALYTICS_EVENTS, PLATFORM_CANDIDATE_RULES, type CandidateRuleView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { detectClusters, lookbackDays, occurrenceKey, ruleFor, type Cluster } from './candidate-detection';
import { CandidateRepository, type CandidateRow } from './candidate.repository';
import { ProjectionsReadiness } from './projections-readiness';
import { candidateSummary } from './candidate-rules';
import { raisedEvent } from './candidate.mapper';

/**
 * `scanMs`: how long after a scan the next is due (CANDIDATE_SCAN_MS), on whichever replica claims it; `readyPollMs`: how
 * often a replica that has just booted asks whether the projections are ready for its first scan.
 */
export type CandidateDetectorSettings = PollingWorkerSettings & { scanMs: number; readyPollMs: number };
export const CANDIDATE_DETECTOR_SETTINGS = Symbol('CANDIDATE_DETECTOR_SETTINGS');

const DAY_MS = 24 * 3600 * 1000;

/** What one scan did with a cluster, logged once the scan has committed. */
export interface DetectionNote {
  candidateId: string | null;
  ruleKey: string;
  unitCode: string;
  categoryCode: string;
  occurrences: number;
  /** raised: a new candidate; absorbed: new evidence on the raised one; unchanged; decided: its window was judged already. */
  result: 'raised' | 'absorbed' | 'unchanged' | 'decided';
}

/**
 * The 3+N detector (未诉先办): once soon after boot — as soon as the projections it reads are ready (ProjectionsReadiness;
 * at the latest CANDIDATE_SCAN_MS after boot) —, then every CANDIDATE_SCAN_MS, on one replica at a time (the
 * `candidate_scan` lease, claimed FOR UPDATE SKIP LOCKED inside the scan's transaction; at boot also when no scan ran
 * since this replica started, else when due), reads the occurrences of the busy categories and areas, asks
 * each category's rule for its clusters — the rule of the occurrences' street (its own set, else the platform default)
 * — and raises each once: a raised candidate of the same rule, category and unit (or sharing evidence) takes the new
 * evidence instead, and a window already raised (the unique key on rule, unit, category and first day) or decided is
 * not raised again. The candidate and its `candidate.raised` commit together.
 */
@Injectable()
export class CandidateDetector extends ClaimingWorker<DetectionNote> {
  protected readonly logger = new Logger(CandidateDetector.name);
  private readonly bootedAt = new Date();
  private stopping = false;
  private booting: Promise<void> | undefined;

  constructor(
    private readonly candidates: CandidateRepository,
    private readonly reference: ReferenceRepository,
    private readonly outbox: Outbox,
    private readonly readiness: ProjectionsReadiness,
    transactions: TransactionRunner,
    @Inject(CANDIDATE_DETECTOR_SETTINGS) private readonly settings: CandidateDetectorSettings,
  ) {
    super(transactions, settings);
  }

  /** Starts the loop (its first pass the boot scan) once the projections are ready, not at once: the consumers and a snapshot fill start with the application too. */
  override onApplicationBootstrap(): void {
    if (this.settings.autoStart) this.booting ??= this.untilReady().then(() => (this.stopping ? undefined : this.start()));
  }

  override async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.booting;
    await super.onModuleDestroy();
  }

  private async untilReady(): Promise<void> {
    const latest = this.bootedAt.getTime() + this.settings.scanMs;
    while (!this.stopping && Date.now() < latest) {
      try {
        if (await this.readiness.ready()) return;
      } catch (error) {
        this.logger.warn({ msg: 'could not tell whether the projections are ready; asking again', err: error });
      }
      await new Promise((resolve) => setTimeout(resolve, this.settings.readyPollMs).unref());
    }
  }

  /** One scan at `now` if the lease is due (tests pass their own `now`); answers what it did, or null when another replica holds the lease or it is not due. */
  async scan(now: Date = new Date()): Promise<DetectionNote[] | null> {
    const pass = await this.transactions.run(() => this.claimAndAct(now));
    this.logCommitted(pass.notes);
    return pass.claimed > 0 ? [...pass.notes] : null;
  }

  protected async claimAndAct(now: Date): Promise<ClaimedPass<DetectionNote>> {
    if (!(await this.candidates.claimScan(now, this.bootedAt))) return { claimed: 0, notes: [] };
    const notes = await this.detect(now);
    await this.candidates.scanned(now, new Date(now.getTime() + this.settings.scanMs));
    return { claimed: 1, notes };
  }

  protected logCommitted(notes: readonly DetectionNote[]): void {
    for (const n of notes) if (n.result === 'raised' || n.result === 'absorbed') this.logger.log({ msg: `3+N candidate ${n.result}`, ...n });
  }

  private async detect(now: Date): Promise<DetectionNote[]> {
    const stored = await this.candidates.allRules();
    const sets = new Map<string, Map<string, CandidateRuleView>>();
    for (const r of stored) sets.set(r.streetCode, (sets.get(r.streetCode) ?? new Map<string, CandidateRuleView>()).set(r.categoryCode, r));
    // A street's own set when it has one (it always holds a `*` rule), else the platform default's.
    const rulesOf = (street: string) => sets.get(street) ?? sets.get(PLATFORM_CANDIDATE_RULES) ?? new Map<string, CandidateRuleView>();
    const enabled = stored.filter((r) => r.enabled);
    if (enabled.length === 0) return [];
    const since = new Date(now.getTime() - Math.max(...enabled.map(lookbackDays)) * DAY_MS);
    const busy = (await this.candidates.busyAreas(since, now, Math.min(...enabled.map((r) => r.minCount)))).filter((a) => ruleFor(a.categoryCode, rulesOf(a.streetCode)));
    const occurrences = await this.candidates.occurrences(busy, since, now);
    const decided = await this.candidates.decidedEvidence(since);
    // Each street's occurrences of a category under that street's rule.
    const groups = new Map<string, { street: string; category: string; list: typeof occurrences }>();
    for (const o of occurrences) {
      const key = `${o.categoryCode}|${o.unitPath[0]}`;
      const group = groups.get(key) ?? { street: o.unitPath[0], category: o.categoryCode, list: [] };
      group.list.push(o);
      groups.set(key, group);
    }
    const clusters: Cluster[] = [];
    for (const [, { street, category, list }] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const rule = ruleFor(category, rulesOf(street));
      if (rule) clusters.push(...detectClusters(rule, list, now, decided.get(`${rule.categoryCode}|${category}`)));
    }
    const names = await this.reference.names({ units: clusters.map((c) => c.unitCode), categories: clusters.map((c) => c.categoryCode) });
    const notes: DetectionNote[] = [];
    for (const cluster of clusters) {
      const summaryOf = (count: number) => candidateSummary({ ...cluster, count }, { unit: names.unit(cluster.unitCode), category: names.category(cluster.categoryCode) });
      notes.push(await this.raiseOrAbsorb(cluster, now, summaryOf));
    }
    return notes;
  }

  private async raiseOrAbsorb(cluster: Cluster, now: Date, summaryOf: (count: number) => string): Promise<DetectionNote> {
    const note = { ruleKey: cluster.ruleKey, unitCode: cluster.unitCode, categoryCode: cluster.categoryCode, occurrences: cluster.occurrences.length };
    const ids = (kind: 'case' | 'appeal') => cluster.occurrences.filter((o) => o.kind === kind).map((o) => o.id);
    const open = await this.candidates.openFor(cluster);
    if (open) {
      const known = new Set([...open.incidentIds.map((id) => `case:${id}`), ...open.appealIds.map((id) => `appeal:${id}`)]);
      const fresh = cluster.occurrences.filter((o) => !known.has(occurrenceKey(o)));
      if (fresh.length === 0) return { ...note, candidateId: open.id, result: 'unchanged' };
      const incidentIds = [...open.incidentIds, ...fresh.filter((o) => o.kind === 'case').map((o) => o.id)];
      const appealIds = [...open.appealIds, ...fresh.filter((o) => o.kind === 'appeal').map((o) => o.id)];
      const last = new Date(Math.max(open.lastEvidenceAt.getTime(), cluster.lastAt.getTime()));
      await this.candidates.update({ ...open, incidentIds, appealIds, lastEvidenceAt: last, trend: cluster.trend, summary: summaryOf(incidentIds.length + appealIds.length), updatedAt: now });
      return { ...note, candidateId: open.id, result: 'absorbed' };
    }
    const row: CandidateRow = {
      id: randomUUID(),
      ruleKey: cluster.ruleKey,
      rule: cluster.rule,
      streetCode: cluster.unitPath[0],
      unitCode: cluster.unitCode,
      unitPath: cluster.unitPath,
      categoryCode: cluster.categoryCode,
      windowStart: cluster.windowStart,
      lastEvidenceAt: cluster.lastAt,
      incidentIds: ids('case'),
      appealIds: ids('appeal'),
      trend: cluster.trend,
      summary: summaryOf(cluster.occurrences.length),
      status: 'raised',
      dismissReason: null,
      dismissedBy: null,
      dismissedAt: null,
      liftedBy: null,
      liftedAt: null,
      outcome: null,
      outcomeAt: null,
      raisedAt: now,
      updatedAt: now,
    };
    if (!(await this.candidates.insert(row))) return { ...note, candidateId: null, result: 'decided' };
    RequestContext.run({ correlationId: RequestContext.newCorrelationId() }, () => this.outbox.record(ANALYTICS_EVENTS.candidateRaised, row.id, raisedEvent(row)));
    return { ...note, candidateId: row.id, result: 'raised' };
  }
}
