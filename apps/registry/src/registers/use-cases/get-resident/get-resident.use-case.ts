import { Injectable } from '@nestjs/common';
import type { ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { ResidentEntity } from '../../register.entities';
import { toResidentView } from '../../register.mapper';
import { assertMayRead } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { GetResidentQuery } from './get-resident.query';

/** A resident as the caller may see them: in scope (else 404), masked. */
@Injectable()
export class GetResidentUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetResidentQuery): Promise<ResidentView> {
    const resident = await this.registers.findOne(ResidentEntity, id);
    assertMayRead(caller, 'resident', id, resident);
    return toResidentView(resident, this.personalData);
  }
}
