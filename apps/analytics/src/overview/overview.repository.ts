import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { pgTextArray } from '@gridline/persistence';
import type { OverviewView } from '@gridline/contracts-analytics';

@Injectable()
export class OverviewRepository {
  constructor(private readonly em: EntityManager) {}

  /** Active units per level in the caller's scope. */
  async countUnits(caller: Caller): Promise<OverviewView> {
    const schema = this.em.config.get('schema');
    const unrestricted = isUnrestricted(caller);
    const rows: { level: string; n: string }[] = await this.em.execute(
      `select level, count(*) as n from "${schema}"."unit_projection"
        where active and (? or path && ?::text[]) group by level`,
      [unrestricted, pgTextArray(caller.units)],
    );
    const count = (level: string) => Number(rows.find((r) => r.level === level)?.n ?? 0);
    return { streets: count('street'), communities: count('community'), grids: count('grid'), exclusiveGrids: count('exclusive_grid') };
  }
}
