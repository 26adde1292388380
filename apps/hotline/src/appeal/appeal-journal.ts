import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox } from '@gridline/messaging';
import type { InsertRow } from '@gridline/persistence';
import { HOTLINE_EVENTS, type AppealEventData, type AppealStatus, type AppealSupervisionEventData, type AppealTimelineDetails } from '@gridline/contracts-hotline';
import { AppealTimelineEntity, type AppealEntity } from './appeal.entity';
import { toAppealEventData } from './appeal.mapper';

/** The events of an appeal's own steps (the supervision's and the figures' carry other payloads). */
export type AppealStepEventName = Exclude<keyof typeof HOTLINE_EVENTS, 'reminded' | 'overdue' | 'figuresUpdated'>;

/** What only a `dispatched` event carries: the re-classification, a grid's refused return. */
export type AppealDispatchExtra = Pick<AppealEventData, 'categoryChange' | 'returnRefusal'>;

/** One timeline entry: the step, who, from which state, and what it said and decided. */
export interface JournalEntry {
  action: string;
  actor: string;
  from: AppealStatus | null;
  /** The state after it: the appeal's, unless the entry comes before the step that changes it. */
  to?: AppealStatus;
  comment?: string | null;
  details?: AppealTimelineDetails | null;
  /** When it happened (default now): a back-dated step's time (the seed's history), a supervision mark's due time. */
  at?: Date;
}

/**
 * The timeline entry and the event of a change to an appeal, in the transaction of the change (the use case's run,
 * the consumer's or the scheduler's: the service's EntityManager resolves to it). An answer's entry keeps the reply
 * as given then (a later re-handling replaces the appeal's), for Open311's public updates.
 */
@Injectable()
export class AppealJournal {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  record(appeal: AppealEntity, entry: JournalEntry, event?: AppealStepEventName, extra?: AppealDispatchExtra): void {
    const at = entry.at ?? new Date();
    this.em.persist(this.em.create(AppealTimelineEntity, timelineRow(appeal, entry, at, event)));
    if (event) this.events.record(HOTLINE_EVENTS[event], appeal.id, toAppealEventData(appeal, entry.actor, extra, at));
  }

  /**
   * A new appeal's first entry and its event, as rows to insert with the appeal in one statement
   * (`AppealRepository.insert`): an intake changes nothing that exists, so it needs no unit of work.
   */
  firstEntry(appeal: AppealEntity, entry: JournalEntry, event: AppealStepEventName): InsertRow[] {
    const at = entry.at ?? new Date();
    return [{ entity: AppealTimelineEntity, data: timelineRow(appeal, entry, at, event) }, this.events.row(HOTLINE_EVENTS[event], appeal.id, toAppealEventData(appeal, entry.actor, undefined, at))];
  }

  /** A supervision mark's event (`reminded`, `overdue`): the appeal as it is, and the deadline the mark is about. */
  recordMark(appeal: AppealEntity, event: 'reminded' | 'overdue', actor: string, mark: Pick<AppealSupervisionEventData, 'deadline' | 'dueAt'>, at: Date = new Date()): void {
    this.events.record(HOTLINE_EVENTS[event], appeal.id, { ...toAppealEventData(appeal, actor, {}, at), deadline: mark.deadline, dueAt: mark.dueAt });
  }
}

function timelineRow(appeal: AppealEntity, entry: JournalEntry, at: Date, event: AppealStepEventName | undefined) {
  return {
    at,
    appealId: appeal.id,
    action: entry.action,
    actor: entry.actor,
    fromStatus: entry.from,
    toStatus: entry.to ?? appeal.status,
    comment: entry.comment ?? null,
    details: entry.details ?? null,
    reply: event === 'answered' && appeal.reply ? { ...appeal.reply } : null,
  };
}
