import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, type ClaimedPass, type PollingWorkerSettings } from '@gridline/messaging';
import { IncidentJournal } from '../incident/incident-journal';
import type { IncidentEntity } from '../incident/incident.entity';
import { IncidentRepository } from '../incident/incident.repository';
import { decideSupervision, type SupervisionMark } from './supervision-decision';

/** How often it looks for cases, how many a pass claims, and whether it starts with the application. */
export type SupervisionSettings = PollingWorkerSettings;

export const SUPERVISION_SETTINGS = Symbol('SUPERVISION_SETTINGS');

const COMMENT: Record<SupervisionMark['card'], string> = {
  warning: 'Warning: 70 % of the time limit has passed',
  yellow: 'Yellow card: the time limit has passed',
  red: 'Red card: seriously overdue',
};

/** What a pass marked on one case, logged once the pass has committed. */
interface SupervisionNote {
  incidentId: string;
  card: string;
  supervisorUnitCode: string | null;
  correlationId: string;
}

/**
 * Marks late cases (督办): warning at 70 % of a step's limit, yellow card when overdue, red card when seriously
 * overdue, each raising supervision one level up the grid and an event. Every replica runs one: a pass claims due
 * cases with FOR UPDATE SKIP LOCKED and updates them in the same transaction, so no case is marked by two
 * replicas, and the card on the row means no threshold is marked twice.
 */
@Injectable()
export class SupervisionScheduler extends ClaimingWorker<SupervisionNote> {
  protected readonly logger = new Logger(SupervisionScheduler.name);

  constructor(
    private readonly incidents: IncidentRepository,
    private readonly journal: IncidentJournal,
    transactions: TransactionRunner,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {
    super(transactions, settings);
  }

  /** Claims up to a batch of cases whose next check is due and marks them (a transaction of its own: the scheduler has no request context). */
  protected async claimAndAct(now: Date): Promise<ClaimedPass<SupervisionNote>> {
    const marked: SupervisionNote[] = [];
    const cases = await this.incidents.claimDueForSupervision(now, this.settings.batchSize);
    for (const incident of cases) {
      const correlationId = RequestContext.newCorrelationId();
      for (const mark of this.supervise(incident, now, correlationId)) {
        marked.push({ incidentId: incident.id, card: mark.card, supervisorUnitCode: mark.supervisorUnitCode, correlationId });
      }
    }
    return { claimed: cases.length, notes: marked };
  }

  protected logCommitted(notes: readonly SupervisionNote[]): void {
    for (const m of notes) this.logger.log({ msg: 'incident supervision raised', ...m });
  }

  /** Applies the decision to one claimed case: each threshold crossed gets its card, timeline entry and event. */
  private supervise(incident: IncidentEntity, now: Date, correlationId: string): SupervisionMark[] {
    const decision = decideSupervision(
      {
        card: incident.supervisionCard,
        path: incident.path,
        warnAt: incident.warnAt,
        dueAt: incident.dueAt,
        redAt: incident.redAt,
        supervisorUnitCode: incident.supervisorUnitCode,
        supervisedSince: incident.supervisedSince,
        nextCheckAt: incident.nextCheckAt,
      },
      now,
    );
    if (decision.marks.length === 0 && decision.nextCheckAt?.getTime() === incident.nextCheckAt?.getTime()) return [];
    // A mark is dated when its threshold passed (never before the case's last change): a pass that looks late — or a
    // back-dated case's first look (IncidentJournal.startStep) — dates each card when it fell due, not when it was seen.
    const lastChange = incident.updatedAt.getTime();
    RequestContext.run({ correlationId }, () => {
      for (const mark of decision.marks) {
        incident.supervisionCard = mark.card;
        incident.supervisorUnitCode = mark.supervisorUnitCode;
        incident.supervisedSince = decision.supervisedSince;
        // The event carries the case as of this mark, so a late pass still tells subscribers each card in turn.
        this.journal.record(
          incident,
          {
            action: mark.event,
            actor: 'scheduler',
            from: incident.status,
            comment: mark.supervisorUnitCode ? `${COMMENT[mark.card]}; supervised by ${mark.supervisorUnitCode}` : COMMENT[mark.card],
            details: { card: mark.card, step: incident.step, supervisorUnitCode: mark.supervisorUnitCode, threshold: mark.threshold.toISOString(), dueAt: incident.dueAt?.toISOString() ?? null },
            at: new Date(Math.min(now.getTime(), Math.max(mark.threshold.getTime(), lastChange))),
          },
          mark.event,
        );
      }
    });
    incident.nextCheckAt = decision.nextCheckAt;
    incident.updatedAt = now;
    // The flush bumps the version: a user action that read the case before this pass gets a 409 instead of overwriting it.
    return decision.marks;
  }
}
