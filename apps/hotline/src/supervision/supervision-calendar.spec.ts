import type { RegistryClient } from '@gridline/contracts-registry';
import { SupervisionCalendar } from './supervision-calendar';

const cst = (local: string) => new Date(`${local}:00+08:00`);

function registryWith(getCalendar: RegistryClient['getCalendar']): RegistryClient {
  return { getCalendar } as Pick<RegistryClient, 'getCalendar'> as RegistryClient;
}

describe(SupervisionCalendar.name, () => {
  it("uses last, this and next year as the registry has them in force, and reads them again only after five minutes", async () => {
    const getCalendar = jest.fn<ReturnType<RegistryClient['getCalendar']>, Parameters<RegistryClient['getCalendar']>>(async (_caller, year) =>
      year === 2026 ? { year, holidays: ['2026-12-31'], workdays: [], provisional: false } : { year, holidays: [], workdays: [], provisional: true },
    );
    const calendars = new SupervisionCalendar(registryWith(getCalendar));
    const calendar = await calendars.calendar(cst('2026-12-01T10:00'));
    expect(getCalendar.mock.calls.map(([, year]) => year)).toEqual([2025, 2026, 2027]);
    // 31 Dec 2026 is a holiday here; 1 Jan 2027 is one only if the registry says so.
    expect(calendar.workingHoursBetween(cst('2026-12-31T00:00'), cst('2027-01-02T00:00'))).toBe(7.5);
    await calendars.calendar(cst('2026-12-01T10:04'));
    expect(getCalendar).toHaveBeenCalledTimes(3);
    await calendars.calendar(cst('2026-12-01T10:06'));
    expect(getCalendar).toHaveBeenCalledTimes(6);
  });

  it('falls back to the provisional calendar when the registry does not answer', async () => {
    const calendars = new SupervisionCalendar(registryWith(async () => Promise.reject(new Error('no responders'))));
    const calendar = await calendars.calendar(cst('2026-12-01T10:00'));
    // Provisional 2027: Friday 1 January is New Year's Day.
    expect(calendar.workingHoursBetween(cst('2027-01-01T00:00'), cst('2027-01-02T00:00'))).toBe(0);
    expect(calendar.workingHoursBetween(cst('2026-12-31T00:00'), cst('2027-01-01T00:00'))).toBe(7.5);
  });
});
