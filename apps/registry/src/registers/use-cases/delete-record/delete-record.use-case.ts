import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type RegisterKind } from '@gridline/contracts-registry';
import { BuildingEntity, BusinessEntity, HouseholdEntity, ResidentEntity } from '../../register.entities';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';

const ENTITIES = { building: BuildingEntity, household: HouseholdEntity, resident: ResidentEntity, business: BusinessEntity } as const;

function stillUsed(kind: RegisterKind, what: string): AppError {
  return new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', `The ${kind} still has ${what}: move or remove them first`);
}

/** Removes a record; a building with households or a household with members is refused (409). */
@Injectable()
export class DeleteRecordUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, kind: RegisterKind, id: string): Promise<{ deleted: true }> {
    return this.registers.transactional(async (em) => {
      const record = await em.findOne(ENTITIES[kind] as typeof BuildingEntity, { id });
      assertMayWrite(caller, kind, id, record);
      if (kind === 'building' && (await em.count(HouseholdEntity, { buildingId: id })) > 0) throw stillUsed(kind, 'households');
      if (kind === 'household' && (await em.count(ResidentEntity, { householdId: id })) > 0) throw stillUsed(kind, 'members');
      if (kind === 'resident') await em.nativeUpdate(HouseholdEntity, { headResidentId: id }, { headResidentId: null });
      await em.nativeDelete(ENTITIES[kind] as typeof BuildingEntity, { id });
      await this.quality.announce(em, [record.gridCode]);
      await em.flush();
      return { deleted: true as const };
    });
  }
}
