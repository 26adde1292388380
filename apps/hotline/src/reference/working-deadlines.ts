import { Injectable } from '@nestjs/common';
import { deadlineInForce, type LimitDeadline } from '@gridline/platform';
import type { TimeLimit } from '@gridline/contracts-registry';
import { ReferenceRepository } from '@gridline/registry-reference';

/**
 * Deadlines on the working calendar the hotline keeps (the registry's loaded years, else provisional), counted by
 * the platform's one deadline rule (`deadlineInForce`), as incidents counts its cases' and the registry its answers.
 */
@Injectable()
export class WorkingDeadlines {
  constructor(private readonly copy: ReferenceRepository) {}

  async after(from: Date, limit: TimeLimit): Promise<LimitDeadline> {
    return deadlineInForce(await this.copy.calendarInForce(from), from, limit);
  }
}
