import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox, type EventDefinition } from '@gridline/messaging';
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

const STEP_OF: Partial<Record<IncidentStatus, IncidentStep>> = {
  reported: 'accept',
  accepted: 'dispatch',
  dispatched: 'sign',
  in_progress: 'handle',
  handled: 'verify',
};

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

  /** Starts the clock of the step the case's status calls for (none for final states); supervision starts over. */
  async startStep(incident: IncidentEntity, now: Date, from: Date = now): Promise<void> {
    const step = STEP_OF[incident.status] ?? null;
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
    this.applyClock(incident, clockFor(calendar, from, due, this.config.INCIDENT_RED_CARD_RATIO));
    // Counted in working time through a year whose notice is not loaded: the grid centre is told the date may move.
    incident.dueProvisional = limit.unit.startsWith('working_') && provisionalYearsBetween(years, from, due).length > 0;
  }

  /**
   * Moves the due time of the current step to a date given (an approved extension); warning and red card follow in
   * working time. A date given is not counted on the calendar: it is not provisional.
   */
  async setClock(incident: IncidentEntity, start: Date, due: Date, now: Date = new Date()): Promise<void> {
    this.applyClock(incident, clockFor(await this.reference.calendar(now), start, due, this.config.INCIDENT_RED_CARD_RATIO));
    incident.dueProvisional = false;
  }

  private applyClock(incident: IncidentEntity, clock: StepClock): void {
    Object.assign(incident, clock);
    incident.nextCheckAt = clock.warnAt;
  }

  /** A timeline entry, and the event when the change is one subscribers follow. */
  record(
    incident: IncidentEntity,
    entry: { action: string; actor: string; from: IncidentStatus | null; comment?: string | null; details?: Record<string, unknown> },
    event?: IncidentEventName,
  ): void {
    const em = this.em;
    em.persist(
      em.create(TimelineEntity, {
        incidentId: incident.id,
        action: entry.action,
        actor: entry.actor,
        fromStatus: entry.from,
        toStatus: incident.status,
        comment: entry.comment ?? null,
        details: entry.details ?? {},
      }),
    );
    if (event) this.events.record(INCIDENTS_EVENTS[event] as EventDefinition<IncidentEventData>, incident.id, toEventData(incident, entry.actor, entry.comment ?? null));
  }
}
