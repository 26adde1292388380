import { Injectable } from '@nestjs/common';
import { cursorFetch, cursorPage, decodeCursor, mapItems, type CursorPage } from '@gridline/platform';
import { PersonalDataCipher } from '@gridline/persistence';
import type { AppealView } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import { allOf, appealFilters } from '../../appeal-filters';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { ListAppealsByCursorQuery } from './list-appeals-by-cursor.query';

/**
 * The appeals of the list (same scope, filters, order and masked view), in keyset pages by `(received_at, id)`
 * descending: what an export reads, page after page, at a flat cost however far it goes.
 */
@Injectable()
export class ListAppealsByCursorUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly copy: ReferenceRepository,
  ) {}

  async execute({ caller, filter: query }: ListAppealsByCursorQuery): Promise<CursorPage<AppealView>> {
    const where = appealFilters(caller, query, this.cipher);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const at = new Date(after.k ?? 0);
      where.push({ $or: [{ receivedAt: { $lt: at } }, { receivedAt: at, id: { $lt: after.id } }] });
    }
    const { limit, fetch } = cursorFetch(query);
    const rows = await this.appeals.find(allOf(where), { limit: fetch });
    const page = cursorPage(rows, limit, (last) => ({ k: last.receivedAt.toISOString(), id: last.id }));
    const names = await this.copy.names(namesOf(page.items));
    return mapItems(page, (a) => toAppealView(a, caller, this.cipher, names));
  }
}
