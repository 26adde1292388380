import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { pgTextArray } from '@gridline/persistence';
import { IncidentEntity, TimelineEntity } from './incident.entity';

/** Reads of cases; writes go through a use case's transaction. */
@Injectable()
export class IncidentRepository {
  constructor(readonly em: EntityManager) {}

  findById(id: string): Promise<IncidentEntity | null> {
    return this.em.findOne(IncidentEntity, { id });
  }

  timeline(id: string): Promise<TimelineEntity[]> {
    return this.em.find(TimelineEntity, { incidentId: id }, { orderBy: { id: 'asc' } });
  }

  /**
   * Open cases of a category reported near a point since a time that the caller may see: candidates for
   * "possible duplicate". Cases the caller may not see are never candidates, so the answer names none of them.
   */
  async nearby(caller: Caller, categoryCode: string, lat: number, lng: number, radiusMeters: number, since: Date, excludeId: string) {
    const schema = this.em.config.get('schema');
    // A bounding box narrows the rows; the haversine distance decides.
    const dLat = radiusMeters / 111_320;
    const dLng = radiusMeters / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    const scope = incidentScopeSql(caller);
    return this.em.execute<{ id: string; title: string; status: string; distance: number; created_at: Date }[]>(
      `select id, title, status, created_at,
              2 * 6371000 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lng - ?) / 2), 2))) as distance
         from "${schema}"."incident"
        where category_code = ? and created_at >= ? and id <> ?
          and status not in ('rejected', 'closed', 'evaluated', 'cancelled', 'merged')
          and lat between ? and ? and lng between ? and ?${scope ? ` and ${scope.sql}` : ''}
        order by distance asc limit 10`,
      [lat, lat, lng, categoryCode, since, excludeId, lat - dLat, lat + dLat, lng - dLng, lng + dLng, ...(scope?.params ?? [])],
    );
  }

  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }
}

/**
 * The cases a caller may see, as a SQL condition on the incident table (null: every case): the same rule as
 * `mayView` — the case's grid in scope, its owner department, or its reporter.
 */
export function incidentScopeSql(caller: Caller): { sql: string; params: unknown[] } | null {
  if (isUnrestricted(caller)) return null;
  // The department branch only for department users: an always-false OR would keep the planner off the indexes.
  if (caller.roles.includes('department')) {
    return { sql: `(path && ?::text[] or owner->>'departmentCode' = any(?::text[]) or reporter = ?)`, params: [pgTextArray(caller.units), pgTextArray(caller.units), caller.sub] };
  }
  return { sql: `(path && ?::text[] or reporter = ?)`, params: [pgTextArray(caller.units), caller.sub] };
}
