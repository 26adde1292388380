import { calendarInForce, statutoryArrangement } from '@gridline/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Outbox } from '@gridline/messaging';
import type { TimeLimit } from '@gridline/contracts-registry';
import type { IncidentsConfig } from '../incidents.config';
import type { ReferenceRepository } from '@gridline/registry-reference';
import { IncidentJournal } from './incident-journal';
import { IncidentEntity } from './incident.entity';

/** A journal over a calendar with 2026's notice loaded and 2027 provisional, and one category's handle limit. */
function journal(handleLimit: TimeLimit) {
  const loaded = { year: 2026, ...statutoryArrangement([2026]) };
  const reference = {
    category: jest.fn(async () => ({ acceptLimit: { amount: 2, unit: 'working_hours' }, handleLimit })),
    calendarInForce: jest.fn(async () => calendarInForce([2025, 2026, 2027], [loaded])),
    calendar: jest.fn(async () => calendarInForce([2025, 2026, 2027], [loaded]).calendar),
  };
  const config = { INCIDENT_RED_CARD_RATIO: 1.5 } as IncidentsConfig;
  return new IncidentJournal({} as Outbox, reference as unknown as ReferenceRepository, config, {} as EntityManager);
}

function handling(): IncidentEntity {
  return Object.assign(new IncidentEntity(), { status: 'in_progress', categoryCode: 'ENV.GARBAGE', urgency: 'normal' });
}

describe(IncidentJournal.name, () => {
  const december = new Date('2026-12-28T02:00:00Z'); // Monday 28 December, 10:00 China time

  it('marks a due time counted in working days through the provisional 2027 as provisional', async () => {
    const incident = handling();
    await journal({ amount: 5, unit: 'working_days' }).startStep(incident, december);
    expect(incident.dueAt!.toISOString().slice(0, 10)).toBe('2027-01-05');
    expect(incident.dueProvisional).toBe(true);
  });

  it('does not mark one that stays within the loaded year, nor a natural limit that crosses the year end', async () => {
    const within = handling();
    await journal({ amount: 2, unit: 'working_days' }).startStep(within, december);
    expect(within.dueAt!.toISOString().slice(0, 10)).toBe('2026-12-30');
    expect(within.dueProvisional).toBe(false);

    const natural = handling();
    await journal({ amount: 10, unit: 'natural_days' }).startStep(natural, december);
    expect(natural.dueAt!.toISOString().slice(0, 10)).toBe('2027-01-07');
    expect(natural.dueProvisional).toBe(false);
  });

  it('clears the mark for a due time given by a person (an approved extension) and for a final state', async () => {
    const j = journal({ amount: 5, unit: 'working_days' });
    const extended = handling();
    await j.startStep(extended, december);
    await j.setClock(extended, december, new Date('2027-01-20T09:30:00Z'), december);
    expect(extended.dueProvisional).toBe(false);

    const closed = handling();
    await j.startStep(closed, december);
    closed.status = 'closed';
    await j.startStep(closed, december);
    expect([closed.dueAt, closed.dueProvisional]).toEqual([null, false]);
  });
});
