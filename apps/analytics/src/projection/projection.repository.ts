import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { UnitSnapshot, QualityUpdatedEvent } from '@gridline/contracts-registry';
import type { HotlineFiguresUpdatedEventData } from '@gridline/contracts-hotline';
import type { VisitLoggedEventData } from '@gridline/contracts-incidents';

/**
 * The projections analytics keeps from other services' events. Each write is an upsert where only a newer record
 * replaces an older one, should events of a key ever arrive out of order. Called by the subscribers inside their
 * inbox transaction (the injected EntityManager resolves to it), so a projection changes with its inbox row.
 */
@Injectable()
export class ProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  async upsertUnit(unit: UnitSnapshot, at: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."unit_projection" (code, level, path, active, updated_at) values (?, ?, ?::text[], ?, ?)
       on conflict (code) do update set level = excluded.level, path = excluded.path, active = excluded.active, updated_at = excluded.updated_at
       where unit_projection.updated_at <= excluded.updated_at`,
      [unit.code, unit.level, pgTextArray(unit.path), unit.active, at],
    );
  }

  async upsertGridQuality(q: QualityUpdatedEvent['quality'], reportedAt: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."grid_quality" (grid_code, buildings, households, residents, completeness, visited_share, last_updated_at, reported_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (grid_code) do update set buildings = excluded.buildings, households = excluded.households, residents = excluded.residents,
         completeness = excluded.completeness, visited_share = excluded.visited_share, last_updated_at = excluded.last_updated_at, reported_at = excluded.reported_at
       where grid_quality.reported_at <= excluded.reported_at`,
      [q.unitCode, q.buildings, q.households, q.residents, q.completeness, q.visitedShare, q.lastUpdatedAt, reportedAt],
    );
  }

  async upsertOwnerFigures({ owner, from, to, figures, at }: HotlineFiguresUpdatedEventData): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."hotline_owner_figures" (owner, period_from, period_to, figures, published_at)
       values (?, ?, ?, ?, ?)
       on conflict (owner) do update set period_from = excluded.period_from, period_to = excluded.period_to, figures = excluded.figures,
         published_at = excluded.published_at
       where hotline_owner_figures.published_at <= excluded.published_at`,
      [owner, new Date(from), new Date(to), JSON.stringify(figures), new Date(at)],
    );
  }

  /**
   * A household visit, once (a visit is never changed). One published before incidents sent its visitor and path
   * counts for nobody: skipped.
   */
  async addVisit(v: VisitLoggedEventData): Promise<void> {
    if (!v.visitor || !v.path?.length) return;
    await this.em.execute(
      `insert into "${this.schema}"."visit_log" (visit_id, visitor, grid_code, unit_path, day) values (?, ?, ?, ?::text[], ?) on conflict (visit_id) do nothing`,
      [v.visitId, v.visitor, v.gridCode, pgTextArray(v.path), v.date],
    );
  }
}
