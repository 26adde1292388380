/**
 * Loads the demo street through the registry's own commands (never raw SQL). Running it again
 * changes nothing: units that exist are left as they are.
 */
import { AppError, BUILT_IN_STATUTORY_YEARS, ProcessConfig, loadConfig, statutoryArrangement } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import { connectStandaloneBus, type BusClient } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { demoStreetUnits } from './demo-street';
import { DEMO_DEPARTMENTS, demoCategories } from './demo-responsibility';

export interface SeedResult {
  created: number;
  existing: number;
}

/** Creates each item unless it exists (the command's own "code taken" answer tells). */
async function createAll<T>(items: T[], create: (item: T) => Promise<unknown>, takenCode: string, result: SeedResult): Promise<void> {
  for (const item of items) {
    try {
      await create(item);
      result.created += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === takenCode) result.existing += 1;
      else throw error;
    }
  }
}

export async function seedDemo(bus: BusClient): Promise<SeedResult> {
  const registry = new RegistryClient(bus);
  const result: SeedResult = { created: 0, existing: 0 };
  await createAll(demoStreetUnits(), (u) => registry.createUnit(SYSTEM_CALLER, u), RegistryErrorCode.UnitCodeTaken, result);
  await createAll(DEMO_DEPARTMENTS, (d) => registry.createDepartment(SYSTEM_CALLER, d), RegistryErrorCode.DepartmentCodeTaken, result);
  await createAll(demoCategories(), (c) => registry.createCategory(SYSTEM_CALLER, c), RegistryErrorCode.CategoryCodeTaken, result);
  for (const year of BUILT_IN_STATUTORY_YEARS) {
    const { holidays, workdays } = statutoryArrangement([year]);
    const current = await registry.getCalendar(SYSTEM_CALLER, year);
    if (current.holidays.length > 0 || current.workdays.length > 0) {
      result.existing += 1; // a year already configured is the street's own: leave it
    } else {
      await registry.setCalendar(SYSTEM_CALLER, year, { holidays, workdays });
      result.created += 1;
    }
  }
  return result;
}

if (require.main === module) {
  void (async () => {
    const config = loadConfig(ProcessConfig);
    const { bus, close } = await connectStandaloneBus('seed', config);
    try {
      const { created, existing } = await seedDemo(bus);
      process.stdout.write(`Demo street: ${created} records created, ${existing} already there.\n`);
    } catch (error) {
      process.stderr.write(`Seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    } finally {
      await close();
    }
  })();
}
