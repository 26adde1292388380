import type { OpeningPeriod } from '@gridline/contracts-party-building';
import { caseHandoffProblem, openingHoursProblem, serviceRecordProblem, sortedOpeningHours } from './station-rules';

const period = (day: OpeningPeriod['day'], opens: string, closes: string): OpeningPeriod => ({ day, opens, closes });

describe(openingHoursProblem.name, () => {
  it('takes several periods a day, one closing when the next opens, and a period to midnight', () => {
    expect(openingHoursProblem([period('mon', '08:30', '12:00'), period('mon', '12:00', '17:30'), period('sat', '18:00', '24:00')])).toBeNull();
    expect(openingHoursProblem([])).toBeNull();
  });

  it('refuses a period that closes before or when it opens, naming it', () => {
    expect(openingHoursProblem([period('mon', '08:30', '12:00'), period('tue', '17:00', '09:00')])).toEqual({ field: 'openingHours.1.closes', reason: 'must be after opens (17:00)', kind: 'validation' });
    expect(openingHoursProblem([period('mon', '09:00', '09:00')])?.field).toBe('openingHours.0.closes');
  });

  it('refuses overlapping periods of one day, naming the later one given', () => {
    expect(openingHoursProblem([period('wed', '08:00', '12:00'), period('thu', '08:00', '12:00'), period('wed', '11:30', '14:00')])).toEqual({ field: 'openingHours.2', reason: 'overlaps openingHours.0 on wed', kind: 'validation' });
  });
});

describe(sortedOpeningHours.name, () => {
  it('orders by weekday, Monday first, then opening time', () => {
    const sorted = sortedOpeningHours([period('sun', '09:00', '10:00'), period('mon', '14:00', '17:00'), period('mon', '08:00', '12:00')]);
    expect(sorted.map((p) => `${p.day} ${p.opens}`)).toEqual(['mon 08:00', 'mon 14:00', 'sun 09:00']);
  });
});

describe(serviceRecordProblem.name, () => {
  const station = { active: true, functions: ['policy_publicity', 'mediation'] as const };
  const TODAY = '2026-12-01';

  it('takes a function the station offers, on a day up to today', () => {
    expect(serviceRecordProblem(station, { date: TODAY, function: 'policy_publicity' }, TODAY)).toBeNull();
    expect(serviceRecordProblem(station, { date: '2026-11-30', function: 'mediation', incidentId: 'x' }, TODAY)).toBeNull();
  });

  it('refuses a function the station does not offer (422) and a deactivated station', () => {
    expect(serviceRecordProblem(station, { date: TODAY, function: 'consultation' }, TODAY)).toMatchObject({ field: 'function', kind: 'rule_violation' });
    expect(serviceRecordProblem({ ...station, active: false }, { date: TODAY, function: 'mediation' }, TODAY)).toMatchObject({ field: 'stationId', kind: 'rule_violation' });
  });

  it('refuses a day in the future and an incident on anything but a mediation (400)', () => {
    expect(serviceRecordProblem(station, { date: '2026-12-02', function: 'policy_publicity' }, TODAY)).toEqual({ field: 'date', reason: 'is in the future', kind: 'validation' });
    expect(serviceRecordProblem(station, { date: TODAY, function: 'policy_publicity', incidentId: 'x' }, TODAY)).toMatchObject({ field: 'incidentId', kind: 'validation' });
  });
});

describe(caseHandoffProblem.name, () => {
  it('hands off social-conditions reports of active stations only', () => {
    expect(caseHandoffProblem({ active: true }, { function: 'social_conditions' })).toBeNull();
    expect(caseHandoffProblem({ active: true }, { function: 'mediation' })).toMatchObject({ field: 'recordId', kind: 'rule_violation' });
    expect(caseHandoffProblem({ active: false }, { function: 'social_conditions' })).toMatchObject({ field: 'recordId', kind: 'rule_violation' });
  });
});
