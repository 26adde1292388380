import { Injectable } from '@nestjs/common';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { IncidentRepository } from '../../incident.repository';
import type { RecordHandoffFailureCommand } from './record-handoff-failure.command';

/**
 * A hand-off incidents refused, in the event consumer's transaction (its `failed` hook, with the inbox row):
 * `handoff.failed` tells the hotline, which shows it on the appeal and gives the appeal back.
 */
@Injectable()
export class RecordHandoffFailureUseCase {
  constructor(private readonly incidents: IncidentRepository) {}

  execute({ appeal, error }: RecordHandoffFailureCommand): void {
    const code = error instanceof AppError ? error.code : CommonErrorCode.Internal;
    this.incidents.recordHandoffFailed({
      appealId: appeal.appealId,
      handoff: appeal.handoff,
      gridCode: appeal.gridCode,
      code,
      reason: error.message.slice(0, 500),
      at: new Date().toISOString(),
    });
  }
}
