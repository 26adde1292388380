import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import type { CandidateLiftedEventData } from '@gridline/contracts-analytics';
import { AppError, CommonErrorCode, fieldPath } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentInvalid } from '../../../incident/incident.errors';
import type { DiscussionEntity } from '../../discussion.entities';
import { DiscussionRepository } from '../../discussion.repository';
import type { OpenCandidateDiscussionCommand } from './open-candidate-discussion.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens the discussion of a lifted 3+N candidate, in the event consumer's transaction (with its inbox row): not bound
 * to one case, linked to the candidate and its evidence, in the street's scope, `open`, without tasks until its
 * meeting is recorded. Keyed by the candidate: a redelivered (or repeated) lift opens nothing more. The street, the
 * unit (within the street) and the category must be known to incidents' registry copy: a code the copy lacks is
 * retried (the copy may lag), then recorded as `discussion.open_failed`; a refusal (a code that is not a street, a
 * unit of another street, a malformed event) is a business error, recorded at once. The unit's path is the copy's.
 */
@Injectable()
export class OpenCandidateDiscussionUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ candidate }: OpenCandidateDiscussionCommand): Promise<DiscussionEntity> {
    checkShape(candidate);
    const earlier = await this.discussions.findByCandidate(candidate.candidateId);
    if (earlier) return earlier;
    const street = await this.reference.unit(candidate.streetCode);
    if (!street) throw notKnownYet('streetCode', `${candidate.streetCode} is not a known street`);
    if (street.level !== 'street') throw incidentInvalid('streetCode', `${candidate.streetCode} is not a street`);
    const unit = await this.reference.unit(candidate.unitCode);
    if (!unit) throw notKnownYet('unitCode', `${candidate.unitCode} is not a known unit`);
    if (unit.path[0] !== street.code) throw incidentInvalid('unitCode', `${candidate.unitCode} is not a unit of street ${street.code}`);
    if (!(await this.reference.category(candidate.categoryCode))) throw notKnownYet('categoryCode', `${candidate.categoryCode} is not a known category`);

    const now = new Date();
    const discussion = this.discussions.add({
      id: randomUUID(),
      candidateId: candidate.candidateId,
      streetCode: street.code,
      unitCode: unit.code,
      unitPath: unit.path,
      categoryCode: candidate.categoryCode,
      summary: candidate.summary.trim().slice(0, 4000),
      evidenceIncidentIds: [...new Set(candidate.evidence.incidentIds)],
      evidenceAppealIds: [...new Set(candidate.evidence.appealIds)],
      status: 'open',
      liftedBy: candidate.liftedBy,
      openedAt: now,
    });
    this.discussions.record(INCIDENTS_EVENTS.discussionOpened, discussion, [], { actor: candidate.liftedBy, at: now });
    await this.discussions.save();
    return discussion;
  }
}

/**
 * A code incidents' registry copy lacks: the copy may lag the registry's events (analytics saw them first), so this
 * is retried; once the retries are spent it is recorded as `open_failed` like any refusal.
 */
function notKnownYet(field: string, reason: string): AppError {
  return new AppError(CommonErrorCode.ServiceUnavailable, 'unavailable', `${field} ${reason} (to incidents' copy of the registry)`, { fields: [{ field, reasons: [reason] }] });
}

/** The event's fields as the contract has them (a malformed event is refused as a business error, naming the field). */
function checkShape(c: CandidateLiftedEventData): void {
  const text = (field: keyof CandidateLiftedEventData, max: number) => {
    const value = c?.[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw incidentInvalid(field, `must be a non-empty string of at most ${max} characters`);
  };
  text('candidateId', 200);
  text('streetCode', 64);
  text('unitCode', 64);
  text('categoryCode', 64);
  text('summary', 8000);
  text('liftedBy', 200);
  for (const kind of ['incidentIds', 'appealIds'] as const) {
    const ids: unknown = c.evidence?.[kind];
    if (!Array.isArray(ids) || ids.length > 1000 || !ids.every((id) => typeof id === 'string' && UUID.test(id))) throw incidentInvalid(fieldPath('evidence', kind), 'must be a list of at most 1000 UUIDs');
  }
}
