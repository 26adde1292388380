import { Injectable } from '@nestjs/common';
import { isUnrestricted, scopeCovers } from '@gridline/auth';
import { AppError, cursorFetch, cursorPage, mapItems, parseCursor } from '@gridline/platform';
import { AnalyticsErrorCode, analyticsInvalid, type CandidatePage } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { requireCandidateReader } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { candidateCodes, toCandidateView } from '../../candidate.mapper';
import type { ListCandidatesQuery } from './list-candidates.query';

/** The candidates the caller may see (their units' paths), at or beneath `unit` and of `status`, newest raised first, in cursor pages. */
@Injectable()
export class ListCandidatesUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListCandidatesQuery): Promise<CandidatePage> {
    requireCandidateReader(caller, 'read the 3+N candidates');
    if (query.unit) {
      const unit = await this.units.unit(query.unit);
      if (!unit || !scopeCovers(caller, unit.path)) throw new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${query.unit} not found`, { unit: query.unit });
    }
    let after: { raisedAt: string; id: string } | undefined;
    if (query.cursor) {
      const cursor = parseCursor(query.cursor);
      if (!cursor?.k) throw analyticsInvalid('cursor', 'is not a cursor this list gave out');
      after = { raisedAt: cursor.k, id: cursor.id };
    }
    const { limit, fetch } = cursorFetch(query);
    const rows = await this.candidates.list({ scope: isUnrestricted(caller) ? null : caller.units, unit: query.unit, status: query.status, after }, fetch);
    const page = cursorPage(rows, limit, (last) => ({ k: last.raisedAt.toISOString(), id: last.id }));
    const names = await this.reference.names(candidateCodes(page.items));
    return mapItems(page, (r) => toCandidateView(r, names));
  }
}
