import { Injectable } from '@nestjs/common';
import { requireRegisterAccess } from '@gridline/auth';
import { RequestContext } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { RevealedResidentView } from '@gridline/contracts-registry';
import { ResidentEntity } from '../../register.entities';
import { assertMayRead } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { RevealResidentCommand } from './reveal-resident.command';

/**
 * Shows a resident's ID or phone number in clear to a role allowed to see it, inside its scope. The
 * audit record (who, what, when, why) commits before anything is shown: no record, no reveal.
 */
@Injectable()
export class RevealResidentUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, fields, reason }: RevealResidentCommand): Promise<RevealedResidentView> {
    requireRegisterAccess(caller, 'resident', 'reveal');
    const resident = await this.registers.findOne(ResidentEntity, id);
    assertMayRead(caller, 'resident', id, resident);
    await this.transactions.run(async () => {
      this.registers.addAuditEntry({
        actor: caller.sub,
        actorRoles: caller.roles,
        action: 'reveal',
        subjectType: 'resident',
        subjectId: resident.id,
        fields,
        reason,
        correlationId: RequestContext.correlationId() ?? null,
      });
      await this.registers.flush();
    });
    return {
      id: resident.id,
      name: resident.name,
      ...(fields.includes('idNumber') ? { idNumber: this.personalData.reveal(resident.idNumberEnc) } : {}),
      ...(fields.includes('phone') ? { phone: resident.phoneEnc ? this.personalData.reveal(resident.phoneEnc) : null } : {}),
    };
  }
}
