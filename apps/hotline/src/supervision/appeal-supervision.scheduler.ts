import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext } from '@gridline/platform';
import { EventPublisher, PollingWorker, type PollingWorkerSettings } from '@gridline/messaging';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';
import { AppealJournal } from '../appeal/appeal-journal';
import { AppealEntity } from '../appeal/appeal.entity';
import { toAppealEventData } from '../appeal/appeal.mapper';
import { decideAppealSupervision, markedField, type AppealSupervisionMark, type MarkedField } from './appeal-supervision-decision';
import { SupervisionCalendar, type WorkingClock } from './supervision-calendar';

/** How often it looks for appeals, how many a pass claims, whether it starts with the application, and the reminder's share. */
export interface AppealSupervisionSettings extends PollingWorkerSettings {
  /** The reminder's share of the working time from dispatch to the answer deadline (0.8). */
  reminderShare: number;
}

export const APPEAL_SUPERVISION_SETTINGS = Symbol('APPEAL_SUPERVISION_SETTINGS');

const OPEN = `('received', 'dispatched', 'signed')`;

function commentOf(mark: AppealSupervisionMark, share: number): string {
  const due = mark.dueAt.toISOString();
  if (mark.kind === 'reminded') return `Reminder: ${Math.round(share * 100)} % of the working time to the answer deadline (${due}) has passed`;
  return { dispatch: `Overdue: not dispatched by ${due}`, sign: `Overdue: not signed for by ${due}`, answer: `Overdue: not answered by ${due}` }[mark.deadline];
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
export class AppealSupervisionScheduler extends PollingWorker {
  protected readonly logger = new Logger(AppealSupervisionScheduler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly journal: AppealJournal,
    private readonly events: EventPublisher,
    private readonly calendars: SupervisionCalendar,
    @Inject(APPEAL_SUPERVISION_SETTINGS) private readonly settings: AppealSupervisionSettings,
  ) {
    super(settings);
  }

  /** One pass: claims up to a batch of open appeals due for a look, marks them, commits. Returns how many it claimed. */
  async tick(): Promise<number> {
    // Its own fork: a scheduler has no request context, and must not grow the global identity map.
    const em = this.em.fork();
    // Read before the transaction: the registry's answer must not hold the claimed rows' locks.
    const calendar = await this.calendars.calendar();
    const marked: { appealId: string; kind: string; deadline: string; correlationId: string }[] = [];
    const claimed = await em.transactional(async (tx) => {
      const now = new Date();
      const schema = tx.config.get('schema');
      // SKIP LOCKED: two replicas must never claim the same appeal; one a user is changing right now waits for the next pass.
      const rows: { id: string }[] = await tx.execute(
        `select id from "${schema}"."appeal"
          where status in ${OPEN} and (next_check_at <= ? or checked_version is distinct from version)
          order by next_check_at asc nulls first
          limit ? for update skip locked`,
        [now, this.settings.batchSize],
      );
      if (rows.length === 0) return 0;
      const appeals = await tx.find(AppealEntity, { id: { $in: rows.map((r) => r.id) } });
      for (const appeal of appeals) {
        const correlationId = RequestContext.newCorrelationId();
        for (const mark of await this.supervise(tx, appeal, now, calendar, correlationId)) {
          marked.push({ appealId: appeal.id, kind: mark.kind, deadline: mark.deadline, correlationId });
        }
      }
      await tx.flush();
      return rows.length;
    });
    // Logged after the commit: a rolled-back pass marked nothing.
    for (const m of marked) this.logger.log({ msg: `appeal ${m.kind}`, ...m });
    return claimed;
  }

  /** Applies the decision to one claimed appeal: each mark gets its timeline entry and event; the bookkeeping is written. */
  private async supervise(em: EntityManager, appeal: AppealEntity, now: Date, calendar: WorkingClock, correlationId: string): Promise<AppealSupervisionMark[]> {
    const share = this.settings.reminderShare;
    const { marks, nextCheckAt } = decideAppealSupervision(appeal, now, share, calendar);
    const bookkeeping: Partial<Record<MarkedField, Date>> = {};
    RequestContext.run({ correlationId }, () => {
      for (const mark of marks) {
        bookkeeping[markedField(mark)] = mark.dueAt;
        this.journal.record(appeal, { action: mark.kind, actor: 'scheduler', from: appeal.status, comment: commentOf(mark, share) });
        this.events.record(em, HOTLINE_EVENTS[mark.kind], appeal.id, { ...toAppealEventData(appeal, 'scheduler'), deadline: mark.deadline, dueAt: mark.dueAt.toISOString() });
      }
    });
    // Plain SQL: the version stays as it is (see the class comment; the ORM's updates would bump it), and is what the scheduler has looked at.
    await em.execute(
      `update "${em.config.get('schema')}"."appeal" set next_check_at = ?, checked_version = ?, reminded_for = coalesce(?, reminded_for),
         dispatch_overdue_for = coalesce(?, dispatch_overdue_for), sign_overdue_for = coalesce(?, sign_overdue_for), answer_overdue_for = coalesce(?, answer_overdue_for)
       where id = ?`,
      [nextCheckAt, appeal.version, ...(['remindedFor', 'dispatchOverdueFor', 'signOverdueFor', 'answerOverdueFor'] as const).map((f) => bookkeeping[f] ?? null), appeal.id],
    );
    return marks;
  }
}
