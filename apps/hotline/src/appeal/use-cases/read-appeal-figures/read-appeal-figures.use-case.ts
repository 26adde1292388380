import { Injectable } from '@nestjs/common';
import { HOTLINE_FIGURES_READERS, isUnrestricted, requireRole } from '@gridline/auth';
import { periodEnd, periodStart } from '@gridline/platform';
import type { OwnerFigures } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import { AppealRepository } from '../../appeal.repository';
import type { ReadAppealFiguresQuery } from './read-appeal-figures.query';

/** The three rates (and the on-time, return, re-handling and extension rates) per lead owner over a period. */
@Injectable()
export class ReadAppealFiguresUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly copy: ReferenceRepository,
  ) {}

  /**
   * Per lead owner over a period (by reception): response rate = signed for in time / dispatched; resolution rate =
   * resolved / answered; satisfaction rate = (satisfied + basically satisfied) / rated (not reached is not a rating);
   * on-time, return, re-handling and extension rates.
   */
  async execute({ caller, period: query }: ReadAppealFiguresQuery): Promise<OwnerFigures[]> {
    requireRole(caller, HOTLINE_FIGURES_READERS, 'read the hotline figures');
    const rows = await this.appeals.ownerFigures(periodStart(query.from), periodEnd(query.to), isUnrestricted(caller) ? null : caller.units);
    const rate = (n: string, d: string) => (Number(d) === 0 ? null : Math.round((Number(n) / Number(d)) * 1000) / 1000);
    const names = await this.copy.ownerNames(rows.map((r) => r.owner));
    return rows.map((r) => ({
      owner: r.owner,
      ownerName: names.owner(r.owner),
      appeals: Number(r.appeals),
      responseRate: rate(r.signed_in_time, r.dispatched),
      resolutionRate: rate(r.resolved, r.answered),
      satisfactionRate: rate(r.satisfied, r.rated),
      onTimeRate: rate(r.on_time, r.answered),
      returnRate: rate(r.returned, r.appeals),
      reopenRate: rate(r.reopened, r.appeals),
      extensionRate: rate(r.extended, r.appeals),
    }));
  }
}
