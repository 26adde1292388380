import { Injectable } from '@nestjs/common';
import { cursorFetch, cursorPage, mapItems, parseCursor } from '@gridline/platform';
import type { IncidentPage } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentInvalid } from '../../incident.errors';
import { codesOf, toIncidentView } from '../../incident.mapper';
import { IncidentRepository, incidentFilters } from '../../incident.repository';
import type { ListIncidentsCommand } from './list-incidents.command';

const SORTS = {
  newest: { column: 'created_at', dir: 'desc' },
  oldest: { column: 'created_at', dir: 'asc' },
  due: { column: 'due_at', dir: 'asc' },
} as const;

/** The cases the caller may see, filtered (scope, status, category, urgency, source, overdue, supervised, period, text), in cursor pages. */
@Injectable()
export class ListIncidentsUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListIncidentsCommand): Promise<IncidentPage> {
    const filter = incidentFilters(caller, query);
    const { where, params } = filter;
    const sort = SORTS[query.sort ?? 'newest'];
    const { limit, fetch } = cursorFetch(query);
    if (query.cursor) {
      const cursor = parseCursor(query.cursor);
      if (!cursor) throw incidentInvalid('cursor', 'is not a cursor this list gave out');
      const op = sort.dir === 'desc' ? '<' : '>';
      if (sort.column === 'due_at') {
        // Cases without a due time come last; within equal keys the id decides.
        where.push(cursor.k === null ? `(due_at is null and id > ?)` : `((due_at, id) > (?::timestamptz, ?::uuid) or due_at is null)`);
        params.push(...(cursor.k === null ? [cursor.id] : [cursor.k, cursor.id]));
      } else {
        where.push(`(${sort.column}, id) ${op} (?::timestamptz, ?::uuid)`);
        params.push(cursor.k, cursor.id);
      }
    }
    const orderBy = `${sort.column} ${sort.dir}${sort.column === 'due_at' ? ' nulls last' : ''}, id ${sort.dir === 'desc' ? 'desc' : 'asc'}`;
    const rows = await this.incidents.search(filter, orderBy, fetch);
    const page = cursorPage(rows, limit, (last) => {
      const key = sort.column === 'due_at' ? last.dueAt : last.createdAt;
      return { k: key ? key.toISOString() : null, id: last.id };
    });
    const names = await this.reference.names(codesOf(page.items));
    return mapItems(page, (i) => toIncidentView(i, caller, names));
  }
}
