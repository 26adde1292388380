import { WorkingCalendar, calendarInForce } from '@gridline/platform';
import type { ReferenceRepository } from '@gridline/registry-reference';
import { SupervisionCalendar } from './supervision-calendar';

const cst = (local: string) => new Date(`${local}:00+08:00`);

describe(SupervisionCalendar.name, () => {
  it("is the calendar in force of the hotline's copy of the registry, for the moment asked — no other service asked", async () => {
    const loaded2026 = calendarInForce([2025, 2026, 2027], [{ year: 2026, holidays: ['2026-12-31'], workdays: [] }]).calendar;
    const calendar = jest.fn(async (_now?: Date) => loaded2026);
    const calendars = new SupervisionCalendar({ calendar } as unknown as ReferenceRepository);

    const clock = await calendars.calendar(cst('2026-12-01T10:00'));

    expect(calendar).toHaveBeenCalledWith(cst('2026-12-01T10:00'));
    // 31 Dec 2026 is a holiday in the copy; 1 Jan 2027 is New Year's Day of the provisional 2027.
    expect(clock.workingHoursBetween(cst('2026-12-31T00:00'), cst('2027-01-02T00:00'))).toBe(0);
    expect(clock.workingHoursBetween(cst('2026-12-30T00:00'), cst('2026-12-31T00:00'))).toBe(7.5);
  });

  it('keeps the statutory holidays of a year without a notice (the provisional calendar)', async () => {
    const provisional = calendarInForce([2026, 2027], []).calendar;
    const calendars = new SupervisionCalendar({ calendar: async () => provisional } as unknown as ReferenceRepository);
    const clock = await calendars.calendar(cst('2026-12-01T10:00'));
    expect(clock).toBeInstanceOf(WorkingCalendar);
    expect(clock.workingHoursBetween(cst('2027-01-01T00:00'), cst('2027-01-02T00:00'))).toBe(0);
  });
});
