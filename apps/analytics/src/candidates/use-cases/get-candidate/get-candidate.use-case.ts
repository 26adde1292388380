import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { CandidateView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { requireCandidateReader, seenCandidate } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { candidateCodes, toCandidateView } from '../../candidate.mapper';

/** One candidate with its evidence, trend, decision and outcome; out of scope 404 like an unknown one. */
@Injectable()
export class GetCandidateUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute(caller: Caller, id: string): Promise<CandidateView> {
    requireCandidateReader(caller, 'read the 3+N candidates');
    const row = seenCandidate(caller, id, await this.candidates.get(id));
    return toCandidateView(row, await this.reference.names(candidateCodes([row])));
  }
}
