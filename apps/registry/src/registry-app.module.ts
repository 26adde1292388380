import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { REGISTRY_MIGRATIONS } from './migrations/registry.migrations';
import type { RegistryConfig } from './registry.config';
import { UnitEntity } from './unit/unit.entity';
import { UnitsModule } from './unit/units.module';
import { CalendarDayEntity } from './responsibility/calendar-day.entity';
import { CategoryEntity } from './responsibility/category.entity';
import { DepartmentEntity } from './responsibility/department.entity';
import { ResponsibilityModule } from './responsibility/responsibility.module';

export const REGISTRY_SERVICE = 'registry';

/** What the registry service keeps in its schema (also used by `npm run migrate`). */
export const REGISTRY_PERSISTENCE = { service: REGISTRY_SERVICE, entities: [UnitEntity, DepartmentEntity, CategoryEntity, CalendarDayEntity], migrations: REGISTRY_MIGRATIONS };

@Module({})
export class RegistryAppModule {
  static register(config: RegistryConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: RegistryAppModule,
      imports: [
        ServiceModule.forRoot({ ...REGISTRY_PERSISTENCE, config, ...overrides }),
        UnitsModule,
        ResponsibilityModule,
      ],
    };
  }
}
