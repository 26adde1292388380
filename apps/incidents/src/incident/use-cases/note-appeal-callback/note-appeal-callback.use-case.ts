import { Injectable } from '@nestjs/common';
import { IncidentJournal } from '../../incident-journal';
import { IncidentRepository } from '../../incident.repository';
import type { AppealCalledBack } from './note-appeal-callback.command';

/**
 * The hotline called the caller back on an appeal a grid case answered: the case's timeline notes the caller's
 * satisfaction (`appeal_callback`), in the consumer's transaction. An appeal no case answers is no case's concern.
 */
@Injectable()
export class NoteAppealCallbackUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly journal: IncidentJournal,
  ) {}

  async execute(callback: AppealCalledBack): Promise<void> {
    if (callback.handoff === null) return;
    // The case that answered: the latest closed one of the appeal (a dissatisfied callback has already started the
    // next hand-off when its event is raised, and that hand-off's case is not closed).
    const incident = await this.incidents.latestClosedOfAppeal(callback.appealId);
    if (!incident) return;
    this.journal.record(incident, {
      action: 'appeal_callback',
      actor: 'hotline',
      from: incident.status,
      details: { appealRef: callback.appealId, handoff: incident.appealHandoff, satisfaction: callback.satisfaction },
    });
    await this.incidents.save();
  }
}
