import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
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

  /** Open cases of a category reported near a point since a time: candidates for "possible duplicate". */
  async nearby(categoryCode: string, lat: number, lng: number, radiusMeters: number, since: Date, excludeId: string) {
    const schema = this.em.config.get('schema');
    // A bounding box narrows the rows; the haversine distance decides.
    const dLat = radiusMeters / 111_320;
    const dLng = radiusMeters / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    return this.em.execute<{ id: string; title: string; status: string; distance: number; created_at: Date }[]>(
      `select id, title, status, created_at,
              2 * 6371000 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lng - ?) / 2), 2))) as distance
         from "${schema}"."incident"
        where category_code = ? and created_at >= ? and id <> ?
          and status not in ('rejected', 'closed', 'evaluated', 'cancelled', 'merged')
          and lat between ? and ? and lng between ? and ?
        order by distance asc limit 10`,
      [lat, lat, lng, categoryCode, since, excludeId, lat - dLat, lat + dLat, lng - dLng, lng + dLng],
    );
  }

  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }
}
