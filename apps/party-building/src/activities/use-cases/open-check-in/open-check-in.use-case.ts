import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { CheckInCodeView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { PartyScope } from '../../../scope/party-scope';
import { activityClosed, activityNotFound } from '../../activity.errors';
import { ActivityRepository } from '../../activity.repository';
import { checkInWindow, hashCheckInCode, newCheckInCode } from '../../activity-rules';
import { CheckInRepository } from '../../check-in.repository';
import type { OpenCheckInCommand } from './open-check-in.command';

/**
 * Opens check-in: a fresh random code to show at the activity, valid for CHECK_IN_CODE_MINUTES (never past the end
 * plus the margin). Only its hash is stored; the code opened before is replaced.
 */
@Injectable()
export class OpenCheckInUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly checkIns: CheckInRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id }: OpenCheckInCommand): Promise<CheckInCodeView> {
    requireRole(caller, PARTY_KEEPERS, 'open check-in of party activities');
    return this.transactions.run(async () => {
      const activity = await this.activities.lock(id);
      if (!activity || !PartyScope.keeps(caller, activity.path)) throw activityNotFound(id);
      const now = this.clock.now();
      const window = checkInWindow(activity, now);
      if ('problem' in window) throw activityClosed(id, window.problem);
      const code = newCheckInCode();
      await this.checkIns.open({ id: randomUUID(), activityId: id, codeHash: hashCheckInCode(id, code), openedBy: caller.sub, openedAt: now, expiresAt: window.expiresAt });
      return { activityId: id, code, expiresAt: window.expiresAt.toISOString() };
    });
  }
}
