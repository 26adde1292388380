import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox, type EventDefinition } from '@gridline/messaging';
import type { InsertRow } from '@gridline/persistence';
import { provisionalYearsBetween } from '@gridline/platform';
import { INCIDENTS_EVENTS, type IncidentEventData, type IncidentStatus, type IncidentStep } from '@gridline/contracts-incidents';
import { INCIDENTS_CONFIG, IncidentsConfig } from '../incidents.config';
import { ReferenceRepository } from '@gridline/registry-reference';
import { IncidentEntity, TimelineEntity } from './incident.entity';
import { toEventData } from './incident.mapper';
import { clockFor, dueAfter, limitOfStep, type StepClock } from './step-clock';

type Events = typeof INCIDENTS_EVENTS;

/** The events of the case process (those that carry a case), as opposed to other events of the service. */
export type IncidentEventName = { [K in keyof Events]: Events[K] extends EventDefinition<IncidentEventData> ? K : never }[keyof Events];

/** The step each live status runs (final states run none). */
export const STEP_OF_STATUS: Partial<Record<IncidentStatus, IncidentStep>> = {
  reported: 'accept',
  accepted: 'dispatch',
  dispatched: 'sign',
  in_progress: 'handle',
  handled: 'verify',
};

/** A step's time this far before now is back-dated (a clock skew or a slow transaction is not). */
const BACKDATED_SLACK_MS = 60_000;
/** How long supervision leaves a back-dated step alone before looking at it (the seed walks a case in seconds). */
export const BACKDATED_SUPERVISION_DELAY_MS = 10 * 60_000;

/**
 * Everything that accompanies a change of a case, in the transaction of the change: the step clock of the new
 * state, the timeline entry, and the event. It writes through the service's EntityManager, which inside a
 * `TransactionRunner.run` (or a consumer's transaction) is the transaction's.
 */
@Injectable()
export class IncidentJournal {
  constructor(
    private readonly events: Outbox,
    private readonly reference: ReferenceRepository,
    @Inject(INCIDENTS_CONFIG) private readonly config: IncidentsConfig,
    private readonly em: EntityManager,
  ) {}

  /**
   * Starts the clock of the step the case's status calls for (none for final states); supervision starts over. A step
   * started back-dated (`now` well before the clock: the seed's history) is first looked at by supervision a while from
   * now, not at once: its next step, back-dated too, usually follows within seconds, and a warning or card must not fall
   * on a step that ended in time. Left open, the step gets its cards then, dated at their thresholds.
   */
  async startStep(incident: IncidentEntity, now: Date, from: Date = now): Promise<void> {
    const step = STEP_OF_STATUS[incident.status] ?? null;
    incident.step = step;
    incident.supervisionCard = 'none';
    incident.supervisorUnitCode = null;
    incident.supervisedSince = null;
    if (!step) {
      incident.stepStartedAt = incident.warnAt = incident.dueAt = incident.redAt = incident.nextCheckAt = null;
      incident.dueProvisional = false;
      return;
    }
    const category = await this.reference.category(incident.categoryCode);
    const limit = limitOfStep(step, { accept: category?.acceptLimit ?? null, handle: category?.handleLimit ?? null });
    const { calendar, years } = await this.reference.calendarInForce(now);
    const due = dueAfter(calendar, from, limit, incident.urgency);
    this.applyClock(incident, clockFor(calendar, from, due, this.config.INCIDENT_RED_CARD_RATIO), now);
    // Counted in working time through a year whose notice is not loaded: the grid centre is told the date may move.
    incident.dueProvisional = limit.unit.startsWith('working_') && provisionalYearsBetween(years, from, due).length > 0;
  }

  /**
   * Moves the due time of the current step to a date given (an approved extension); warning and red card follow in
   * working time. A date given is not counted on the calendar: it is not provisional.
   */
  async setClock(incident: IncidentEntity, start: Date, due: Date, now: Date = new Date()): Promise<void> {
    this.applyClock(incident, clockFor(await this.reference.calendar(now), start, due, this.config.INCIDENT_RED_CARD_RATIO), now);
    incident.dueProvisional = false;
  }

  private applyClock(incident: IncidentEntity, clock: StepClock, now: Date): void {
    Object.assign(incident, clock);
    const real = Date.now();
    const backdated = now.getTime() < real - BACKDATED_SLACK_MS;
    incident.nextCheckAt = clock.warnAt && backdated ? new Date(Math.max(clock.warnAt.getTime(), real + BACKDATED_SUPERVISION_DELAY_MS)) : clock.warnAt;
  }

  /**
   * A timeline entry, and the event when the change is one subscribers follow — both dated `entry.at` (default now): a
   * back-dated step (the seed's history) and a supervision mark (its threshold) carry the time they happened.
   */
  record(incident: IncidentEntity, entry: JournalEntry, event?: IncidentEventName): void {
    const em = this.em;
    const at = entry.at ?? new Date();
    em.persist(em.create(TimelineEntity, timelineRow(incident, entry, at)));
    if (event) this.events.record(INCIDENTS_EVENTS[event] as EventDefinition<IncidentEventData>, incident.id, toEventData(incident, entry.actor, entry.comment ?? null, at));
  }

  /**
   * A new case's first entry and its event, as rows to insert with the case in one statement
   * (`IncidentRepository.insert`): a report changes nothing that exists, so it needs no unit of work.
   */
  firstEntry(incident: IncidentEntity, entry: JournalEntry, event: IncidentEventName): InsertRow[] {
    const at = entry.at ?? new Date();
    return [
      { entity: TimelineEntity, data: timelineRow(incident, entry, at) },
      this.events.row(INCIDENTS_EVENTS[event] as EventDefinition<IncidentEventData>, incident.id, toEventData(incident, entry.actor, entry.comment ?? null, at)),
    ];
  }
}

/** What a timeline entry says: who did what, from which status (the case's status is where it went). */
export interface JournalEntry {
  action: string;
  actor: string;
  from: IncidentStatus | null;
  comment?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

function timelineRow(incident: IncidentEntity, entry: JournalEntry, at: Date) {
  return {
    at,
    incidentId: incident.id,
    action: entry.action,
    actor: entry.actor,
    fromStatus: entry.from,
    toStatus: incident.status,
    comment: entry.comment ?? null,
    details: entry.details ?? {},
  };
}
