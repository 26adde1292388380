/**
 * Loads the demo street through the registry's own commands (never raw SQL). Running it again
 * changes nothing: units that exist are left as they are.
 */
import { AppError, loadConfig, ProcessConfig } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import { connectStandaloneBus, type BusClient } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { demoStreetUnits } from './demo-street';

export interface SeedResult {
  created: number;
  existing: number;
}

export async function seedDemo(bus: BusClient): Promise<SeedResult> {
  const registry = new RegistryClient(bus);
  const result: SeedResult = { created: 0, existing: 0 };
  for (const unit of demoStreetUnits()) {
    try {
      await registry.createUnit(SYSTEM_CALLER, unit);
      result.created += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === RegistryErrorCode.UnitCodeTaken) result.existing += 1;
      else throw error;
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
      process.stdout.write(`Demo street: ${created} units created, ${existing} already there.\n`);
    } catch (error) {
      process.stderr.write(`Seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    } finally {
      await close();
    }
  })();
}
