import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { PersonalDataCipher, PersonalDataService, TransactionRunner, personalDataCipherFrom } from '@gridline/persistence';
import { REGISTRY_MIGRATIONS } from './migrations/registry.migrations';
import type { RegistryConfig } from './registry.config';
import { UnitEntity } from './unit/unit.entity';
import { UnitsModule } from './unit/units.module';
import { REGISTER_ENTITIES } from './registers/register.entities';
import { RegistersModule } from './registers/registers.module';
import { IMPORT_REPORT_SETTINGS, type ImportReportSettings } from './registers/imports/import-report.settings';
import { CalendarDayEntity } from './responsibility/calendar-day.entity';
import { CategoryEntity } from './responsibility/category.entity';
import { DepartmentEntity } from './responsibility/department.entity';
import { ResponsibilityModule } from './responsibility/responsibility.module';
import { AssignmentEntity } from './people/assignment.entity';
import { PersonEntity } from './people/person.entity';
import { PeopleModule } from './people/people.module';
import { PublicGridModule } from './public-grid/public-grid.module';

export const REGISTRY_SERVICE = 'registry';

/** What the registry service keeps in its schema (also used by `npm run migrate`). */
export const REGISTRY_PERSISTENCE = { service: REGISTRY_SERVICE, entities: [UnitEntity, DepartmentEntity, CategoryEntity, CalendarDayEntity, PersonEntity, AssignmentEntity, ...REGISTER_ENTITIES], migrations: REGISTRY_MIGRATIONS };

@Module({})
export class RegistryAppModule {
  static register(config: RegistryConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    // Built before anything connects, so that bad keys stop the service at once with the variable named.
    const cipher = personalDataCipherFrom(config);
    return {
      module: RegistryAppModule,
      providers: [
        { provide: PersonalDataCipher, useValue: cipher },
        PersonalDataService,
        TransactionRunner,
        { provide: IMPORT_REPORT_SETTINGS, useValue: { maxRejections: config.IMPORT_REPORT_MAX_REJECTIONS } satisfies ImportReportSettings },
      ],
      exports: [PersonalDataService, TransactionRunner, IMPORT_REPORT_SETTINGS],
      global: true,
      imports: [
        ServiceModule.forRoot({ ...REGISTRY_PERSISTENCE, config, ...overrides }),
        UnitsModule,
        ResponsibilityModule,
        RegistersModule,
        PeopleModule,
        PublicGridModule,
      ],
    };
  }
}
