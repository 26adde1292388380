import { Injectable } from '@nestjs/common';
import { APPEAL_CALLER_REVEALERS, requireRole } from '@gridline/auth';
import { AppError, RequestContext } from '@gridline/platform';
import { PersonalDataCipher } from '@gridline/persistence';
import { AppealErrorCode, type RevealedCallerView } from '@gridline/contracts-hotline';
import { leads, mayView, operates } from '../../appeal-process';
import { CallerAuditRepository } from '../../caller-audit.repository';
import type { RevealAppealCallerCommand } from './reveal-appeal-caller.command';

/**
 * Shows an appeal's caller in clear for the callback or the first contact: to the hotline (operators, the street
 * centre) and the appeal's lead owner, with a reason. The audit row commits before anything is shown — no record, no
 * reveal; an appeal the caller may not see answers as unknown.
 */
@Injectable()
export class RevealAppealCallerUseCase {
  constructor(
    private readonly audit: CallerAuditRepository,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ caller, id, fields, reason }: RevealAppealCallerCommand): Promise<RevealedCallerView> {
    requireRole(caller, APPEAL_CALLER_REVEALERS, "see an appeal's caller in clear");
    const appeal = await this.audit.findAppeal(id);
    if (!appeal || !mayView(caller, appeal)) throw new AppError(AppealErrorCode.NotFound, 'not_found', `Appeal ${id} does not exist in your scope`, { id });
    if (!operates(caller, appeal) && !leads(caller, appeal)) {
      throw new AppError(AppealErrorCode.NotAllowedInState, 'forbidden', "Only the hotline and the appeal's lead owner may see its caller in clear", { id });
    }
    await this.audit.record({ actor: caller.sub, actorRoles: caller.roles, appealId: id, fields, reason, correlationId: RequestContext.correlationId() ?? null });
    const clear = (value: string | null) => (value ? this.cipher.decrypt(value) : null);
    return {
      id,
      ...(fields.includes('name') ? { name: clear(appeal.callerNameEnc) } : {}),
      ...(fields.includes('phone') ? { phone: clear(appeal.callerPhoneEnc) } : {}),
    };
  }
}
