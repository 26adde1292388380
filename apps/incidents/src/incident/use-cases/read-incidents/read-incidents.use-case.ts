import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { WORK_ORDER_NUMBER, containsPattern, pgTextArray } from '@gridline/persistence';
import { encodeCursor, parseCursor } from '@gridline/platform';
import type { IncidentCounts, IncidentPage, IncidentView, ListIncidentsQuery, TimelineEntry } from '@gridline/contracts-incidents';
import { periodEnd, periodStart } from '@gridline/platform';
import type { IncidentEntity } from '../../incident.entity';
import { incidentInvalid, incidentNotFound } from '../../incident.errors';
import { codesOf, toIncidentView } from '../../incident.mapper';
import { timelineCodes, toTimelineEntry } from '../../timeline-details';
import { ReferenceRepository } from '../../../reference/reference.repository';
import { mayView } from '../../incident-process';
import { IncidentRepository, incidentScopeSql } from '../../incident.repository';

const SORTS = {
  newest: { column: 'created_at', dir: 'desc' },
  oldest: { column: 'created_at', dir: 'asc' },
  due: { column: 'due_at', dir: 'asc' },
} as const;

/** Cases as the caller may see them: one case with its next actions, its timeline, filtered lists, counts. */
@Injectable()
export class ReadIncidentsUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async get(caller: Caller, id: string): Promise<IncidentView> {
    const incident = await this.visible(caller, id);
    return toIncidentView(incident, caller, await this.reference.names(codesOf([incident])));
  }

  /** Each step, with what happened in it (owners named from the local copies). */
  async timeline(caller: Caller, id: string): Promise<TimelineEntry[]> {
    await this.visible(caller, id);
    const rows = await this.incidents.timeline(id);
    const names = await this.reference.names(timelineCodes(rows));
    return rows.map((row) => toTimelineEntry(row, names));
  }

  private async visible(caller: Caller, id: string): Promise<IncidentEntity> {
    const incident = await this.incidents.findById(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    return incident;
  }

  async list(caller: Caller, query: ListIncidentsQuery): Promise<IncidentPage> {
    const { where, params } = this.filters(caller, query);
    const sort = SORTS[query.sort ?? 'newest'];
    const limit = query.limit ?? 50;
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
    const rows = await this.incidents.search({ where, params }, orderBy, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last ? (sort.column === 'due_at' ? last.dueAt : last.createdAt) : null;
    const names = await this.reference.names(codesOf(page));
    return {
      items: page.map((i) => toIncidentView(i, caller, names)),
      nextCursor: rows.length > limit && last ? encodeCursor({ k: lastKey ? lastKey.toISOString() : null, id: last.id }) : null,
    };
  }

  async counts(caller: Caller, unit?: string): Promise<IncidentCounts> {
    const { where, params } = this.filters(caller, { unit });
    const rows = await this.incidents.countByStatus({ where, params });
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
      supervised: rows.reduce((n, r) => n + Number(r.supervised), 0),
    };
  }

  /** The scope (units, or the departments a department user answers for) and the query's filters, as SQL. */
  private filters(caller: Caller, query: ListIncidentsQuery): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const scope = incidentScopeSql(caller);
    if (scope) {
      where.push(scope.sql);
      params.push(...scope.params);
    }
    if (query.unit) {
      where.push(`path @> ?::text[]`);
      params.push(pgTextArray([query.unit]));
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.category) {
      where.push(query.category.includes('.') ? 'category_code = ?' : `category_code like ?`);
      params.push(query.category.includes('.') ? query.category : `${query.category}.%`);
    }
    if (query.urgency) {
      where.push('urgency = ?');
      params.push(query.urgency);
    }
    if (query.source) {
      where.push('source = ?');
      params.push(query.source);
    }
    // due_at is null once no step runs: the comparison alone says overdue (and keeps the row estimate right).
    if (query.overdue) where.push('due_at < now()');
    if (query.supervised) where.push(`supervision_card <> 'none'`);
    if (query.from) {
      where.push('created_at >= ?');
      params.push(periodStart(query.from));
    }
    if (query.to) {
      where.push('created_at < ?');
      params.push(periodEnd(query.to));
    }
    if (query.q && WORK_ORDER_NUMBER.test(query.q)) {
      // A work-order number is looked up exactly (unique index), not as a substring.
      where.push(`work_order = ?`);
      params.push(query.q);
    } else if (query.q) {
      // A substring test, which works for Chinese text where word-based search does not, on the expression of the
      // trigram index (incident_search_trgm_idx).
      where.push(`(title || ' ' || description || ' ' || coalesce(address, '')) like ?`);
      params.push(containsPattern(query.q));
    }
    return { where, params };
  }
}
