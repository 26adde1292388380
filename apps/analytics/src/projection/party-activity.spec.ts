import { activityDay, applyActivityEvent, type ActivityRecord } from './party-activity';

const PATH = ['370502003', '370502003001', '370502003001001'];
const at = (seconds: number) => new Date(Date.parse('2026-11-01T00:00:00Z') + seconds * 1000);
const scheduled: ActivityRecord = { unitPath: PATH, startsAt: '2026-11-05T01:00:00.000Z', state: 'scheduled', eventAt: at(1) };
const reported: ActivityRecord = { unitPath: PATH, startsAt: null, state: 'reported', eventAt: at(5) };
const cancelled: ActivityRecord = { unitPath: PATH, startsAt: '2026-11-05T01:00:00.000Z', state: 'cancelled', eventAt: at(3) };

describe(applyActivityEvent.name, () => {
  it('keeps the first event told', () => {
    expect(applyActivityEvent(null, reported)).toEqual(reported);
  });

  it('ends in the same record whichever order the events arrive in', () => {
    const inOrder = applyActivityEvent(applyActivityEvent(null, scheduled), reported);
    const reversed = applyActivityEvent(applyActivityEvent(null, reported), scheduled);
    expect(inOrder).toEqual({ unitPath: PATH, startsAt: scheduled.startsAt, state: 'reported', eventAt: at(5) });
    expect(reversed).toEqual(inOrder);
  });

  it('never lets an older event replace a newer state', () => {
    const stored = applyActivityEvent(applyActivityEvent(null, scheduled), cancelled);
    expect(applyActivityEvent(stored, scheduled)).toEqual(stored);
  });

  it('applies a redelivered event to no effect', () => {
    const once = applyActivityEvent(applyActivityEvent(null, scheduled), reported);
    expect(applyActivityEvent(once, reported)).toEqual(once);
  });
});

describe(activityDay.name, () => {
  it('buckets by the China day of the start, not the UTC one', () => {
    expect(activityDay({ startsAt: '2026-11-30T15:59:59.000Z' })).toBe('2026-11-30');
    expect(activityDay({ startsAt: '2026-11-30T16:00:00.000Z' })).toBe('2026-12-01');
    expect(activityDay({ startsAt: null })).toBeNull();
  });
});
