import type { DynamicModule } from '@nestjs/common';
import { RegistryClient } from '@gridline/contracts-registry';
import { WorkingDeadlines } from '../reference/working-deadlines';
import { SupervisionCalendar } from '../supervision/supervision-calendar';

const HOUR = 3_600_000;

/**
 * For the hotline's integration tests: the registry's departments, its calendar and the supervision's calendar
 * without the registry (an app's tests cannot boot another app) — working time as plain time. Not used by the app.
 */
export function withPlainTime(module: DynamicModule, departments: readonly string[] = ['URBAN_MGMT']): DynamicModule {
  const registryDouble: Pick<RegistryClient, 'listDepartments'> = {
    listDepartments: async () => departments.map((code) => ({ code, name: code, contact: null, active: true, updatedAt: new Date(0).toISOString() })),
  };
  const plainDeadlines: Pick<WorkingDeadlines, 'after'> = {
    after: async (from, { amount, unit }) => ({ deadline: new Date(from.getTime() + amount * (unit.endsWith('hours') ? HOUR : 24 * HOUR)), provisional: false, provisionalYears: [] }),
  };
  // The reminders' shares of working time are plain time here (see the decision's spec).
  const plainTime: Pick<SupervisionCalendar, 'calendar'> = {
    calendar: async () => ({ addWorkingHours: (from, hours) => new Date(from.getTime() + hours * HOUR), workingHoursBetween: (from, to) => (to.getTime() - from.getTime()) / HOUR }),
  };
  return {
    ...module,
    providers: [
      ...(module.providers ?? []).filter((p) => p !== RegistryClient && p !== SupervisionCalendar && p !== WorkingDeadlines),
      { provide: RegistryClient, useValue: registryDouble },
      { provide: WorkingDeadlines, useValue: plainDeadlines },
      { provide: SupervisionCalendar, useValue: plainTime },
    ],
  };
}
