import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, type ClaimedPass, type PollingWorkerSettings } from '@gridline/messaging';
import { AppealJournal } from '../appeal/appeal-journal';
import type { AppealEntity } from '../appeal/appeal.entity';
import { AppealRepository } from '../appeal/appeal.repository';
import { decideAppealSupervision, markedField, type AppealSupervisionMark, type MarkedField } from './appeal-supervision-decision';
import { SupervisionCalendar, type WorkingClock } from './supervision-calendar';

/** How often it looks for appeals, how many a pass claims, whether it starts with the application, and the reminder's share. */
export interface AppealSupervisionSettings extends PollingWorkerSettings {
  /** The reminder's share of the working time from dispatch to the answer deadline (0.8). */
  reminderShare: number;
}

export const APPEAL_SUPERVISION_SETTINGS = Symbol('APPEAL_SUPERVISION_SETTINGS');

/** A step's time this far before the look is back-dated (a slow transaction is not). */
const BACKDATED_SLACK_MS = 60_000;
/** How long supervision leaves a back-dated step alone before looking at it (the seed walks an appeal in seconds). */
export const BACKDATED_SUPERVISION_DELAY_MS = 10 * 60_000;

function commentOf(mark: AppealSupervisionMark, share: number): string {
  const due = mark.dueAt.toISOString();
  if (mark.kind === 'reminded') return `Reminder: ${Math.round(share * 100)} % of the working time to the answer deadline (${due}) has passed`;
  return { dispatch: `Overdue: not dispatched by ${due}`, sign: `Overdue: not signed for by ${due}`, answer: `Overdue: not answered by ${due}` }[mark.deadline];
}

/** What a pass marked on one appeal, logged once the pass has committed. */
interface SupervisionNote {
  appealId: string;
  kind: string;
  deadline: string;
  correlationId: string;
}

/**
 * Watches the appeals' deadlines (督办): a reminder before the answer deadline, and `overdue` when the dispatch, the
 * signing-for or the answer was not done in time — each once per deadline, with a timeline entry and an event. Every
 * replica runs one: a pass claims due appeals with FOR UPDATE SKIP LOCKED and records its marks in the same
 * transaction, so no appeal is marked by two replicas, and the deadline recorded with each mark means none is made
 * twice.
 *
 * The process's steps know nothing of the scheduler: an appeal whose version moved since the scheduler last looked
 * (a dispatch, an extension, a re-handling…) is simply looked at again. The marks change nothing a user acts on, so
 * they leave the version alone: an operator's open form stays valid.
 */
@Injectable()
export class AppealSupervisionScheduler extends ClaimingWorker<SupervisionNote> {
  protected readonly logger = new Logger(AppealSupervisionScheduler.name);

  constructor(
    private readonly appeals: AppealRepository,
    private readonly journal: AppealJournal,
    private readonly calendars: SupervisionCalendar,
    transactions: TransactionRunner,
    @Inject(APPEAL_SUPERVISION_SETTINGS) private readonly settings: AppealSupervisionSettings,
  ) {
    super(transactions, settings);
  }

  /**
   * Claims up to a batch of open appeals due for a look and marks them (a transaction of its own: the scheduler has
   * no request context), on the calendar of the hotline's own copy of the registry (a local read in the transaction).
   */
  protected async claimAndAct(now: Date): Promise<ClaimedPass<SupervisionNote>> {
    const calendar = await this.calendars.calendar(now);
    const marked: SupervisionNote[] = [];
    const appeals = await this.appeals.claimDueForSupervision(now, this.settings.batchSize);
    for (const appeal of appeals) {
      const correlationId = RequestContext.newCorrelationId();
      for (const mark of await this.supervise(appeal, now, calendar, correlationId)) {
        marked.push({ appealId: appeal.id, kind: mark.kind, deadline: mark.deadline, correlationId });
      }
    }
    if (appeals.length > 0) await this.appeals.flush();
    return { claimed: appeals.length, notes: marked };
  }

  protected logCommitted(notes: readonly SupervisionNote[]): void {
    for (const m of notes) this.logger.log({ msg: `appeal ${m.kind}`, ...m });
  }

  /** Applies the decision to one claimed appeal: each mark gets its timeline entry and event; the bookkeeping is written. */
  private async supervise(appeal: AppealEntity, now: Date, calendar: WorkingClock, correlationId: string): Promise<AppealSupervisionMark[]> {
    // A step just taken back-dated (the seed's history, a call recorded later): looked at a while from now, not at
    // once — the next back-dated step usually follows within seconds, and no mark may fall on a deadline it met.
    if (appeal.checkedVersion !== appeal.version && appeal.updatedAt.getTime() < now.getTime() - BACKDATED_SLACK_MS) {
      await this.appeals.recordSupervisionLook(appeal, new Date(now.getTime() + BACKDATED_SUPERVISION_DELAY_MS), {});
      return [];
    }
    const share = this.settings.reminderShare;
    const { marks, nextCheckAt } = decideAppealSupervision(appeal, now, share, calendar);
    const bookkeeping: Partial<Record<MarkedField, Date>> = {};
    // Each mark is dated when it became due (never before the appeal's last change): a late look dates it truly.
    const dated = (mark: AppealSupervisionMark) => new Date(Math.min(now.getTime(), Math.max(mark.threshold.getTime(), appeal.updatedAt.getTime())));
    RequestContext.run({ correlationId }, () => {
      for (const mark of marks) {
        bookkeeping[markedField(mark)] = mark.dueAt;
        this.journal.record(appeal, { action: mark.kind, actor: 'scheduler', from: appeal.status, comment: commentOf(mark, share), at: dated(mark) });
        this.journal.recordMark(appeal, mark.kind, 'scheduler', { deadline: mark.deadline, dueAt: mark.dueAt.toISOString() }, dated(mark));
      }
    });
    await this.appeals.recordSupervisionLook(appeal, nextCheckAt, bookkeeping);
    return marks;
  }
}
