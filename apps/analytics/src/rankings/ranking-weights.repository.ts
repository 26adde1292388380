import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { RankingWeights } from '@gridline/contracts-analytics';

/** A street's weights as set, with who set them last and when. */
export interface StoredRankingWeights {
  weights: RankingWeights;
  updatedBy: string;
  updatedAt: Date;
}

/** Who changes a street's weights: the audit row's actor. */
export interface WeightsActor {
  sub: string;
  roles: string[];
  correlationId: string | null;
}

interface WeightsRow {
  on_time: string;
  resolution: string;
  satisfaction: string;
  rework: string;
  updated_by: string;
  updated_at: Date;
}

const weightsOf = (r: WeightsRow): RankingWeights => ({ onTime: Number(r.on_time), resolution: Number(r.resolution), satisfaction: Number(r.satisfaction), rework: Number(r.rework) });

/** The streets' ranking weights (`ranking_weights`) and the audit of their changes (`ranking_weights_change`). */
@Injectable()
export class RankingWeightsRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  async find(street: string, forUpdate = false): Promise<StoredRankingWeights | null> {
    const [row]: WeightsRow[] = await this.em.execute(`select * from ${this.t('ranking_weights')} where street = ?${forUpdate ? ' for update' : ''}`, [street]);
    return row ? { weights: weightsOf(row), updatedBy: row.updated_by, updatedAt: new Date(row.updated_at) } : null;
  }

  /**
   * Sets a street's weights and records the change (who, when, from what to what) — inside the caller's transaction,
   * so the weights and their audit row commit together.
   */
  async save(street: string, weights: RankingWeights, previous: RankingWeights | null, actor: WeightsActor, at: Date): Promise<void> {
    await this.em.execute(
      `insert into ${this.t('ranking_weights')} (street, on_time, resolution, satisfaction, rework, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (street) do update set on_time = excluded.on_time, resolution = excluded.resolution, satisfaction = excluded.satisfaction,
         rework = excluded.rework, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [street, weights.onTime, weights.resolution, weights.satisfaction, weights.rework, actor.sub, at],
    );
    await this.em.execute(
      `insert into ${this.t('ranking_weights_change')} (street, at, actor, actor_roles, previous, weights, correlation_id) values (?, ?, ?, ?::text[], ?, ?, ?)`,
      [street, at, actor.sub, pgTextArray(actor.roles), previous ? JSON.stringify(previous) : null, JSON.stringify(weights), actor.correlationId],
    );
  }
}
