import { Injectable } from '@nestjs/common';
import { IncidentJournal } from '../../incident-journal';
import { IncidentRepository } from '../../incident.repository';
import { HOTLINE_ACTOR } from '../open-case-from-appeal/open-case-from-appeal.use-case';
import type { AppealRedispatched } from './withdraw-superseded-cases.command';

/**
 * One appeal, one live hand-off: when the hotline re-dispatches an appeal while a case of an earlier hand-off is still
 * open (an objection to the grid upheld), that case is withdrawn — cancelled by the hotline, from any open state, so
 * that it neither stays on the grid's list nor is carded overdue against it. The case's `cancelled` event names its
 * own hand-off, which the hotline ignores. In the consumer's transaction, with its inbox row.
 */
@Injectable()
export class WithdrawSupersededCasesUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly journal: IncidentJournal,
  ) {}

  async execute(redispatched: AppealRedispatched): Promise<number> {
    const current = redispatched.handoff ?? 0;
    const open = await this.incidents.openOfAppeal(redispatched.appealId);
    // A case from before hand-offs were numbered was the first; a grid's current hand-off keeps its own case.
    const superseded = open.filter((c) => (redispatched.toGrid ? (c.appealHandoff ?? 1) < current : (c.appealHandoff ?? 1) <= current));
    const now = new Date();
    for (const incident of superseded) {
      const from = incident.status;
      incident.status = 'cancelled';
      incident.extension = null;
      incident.updatedAt = now;
      await this.journal.startStep(incident, now);
      this.journal.record(incident, { action: 'cancel', actor: HOTLINE_ACTOR.sub, from, comment: redispatched.reason, details: { supersededBy: redispatched.handoff } }, 'cancelled');
    }
    if (superseded.length > 0) await this.incidents.save();
    return superseded.length;
  }
}
