import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Satisfaction } from '@gridline/contracts-hotline';
import { IncidentJournal } from '../../incident-journal';
import { IncidentEntity } from '../../incident.entity';

export interface AppealCalledBack {
  appealId: string;
  handoff: number | null;
  satisfaction: Satisfaction | null;
}

/**
 * The hotline called the caller back on an appeal a grid case answered: the case's timeline notes the caller's
 * satisfaction (`appeal_callback`), in the consumer's transaction. An appeal no case answers is no case's concern.
 */
@Injectable()
export class NoteAppealCallbackUseCase {
  constructor(private readonly journal: IncidentJournal) {}

  async execute(em: EntityManager, callback: AppealCalledBack): Promise<void> {
    if (callback.handoff === null) return;
    // The case that answered: the latest closed one of the appeal (a dissatisfied callback has already started the
    // next hand-off when its event is raised, and that hand-off's case is not closed).
    const incident = await em.findOne(
      IncidentEntity,
      { appealRef: callback.appealId, status: { $in: ['closed', 'evaluated'] } },
      { orderBy: { appealHandoff: 'desc', createdAt: 'desc' } },
    );
    if (!incident) return;
    this.journal.record(em, incident, {
      action: 'appeal_callback',
      actor: 'hotline',
      from: incident.status,
      details: { appealRef: callback.appealId, handoff: incident.appealHandoff, satisfaction: callback.satisfaction },
    });
    await em.flush();
  }
}
