import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { executePrepared, pgTextArray } from '@gridline/persistence';
import type { OwnerFigures } from '@gridline/contracts-hotline';
import type { HotlineOwnerFiguresView } from '@gridline/contracts-analytics';

interface OwnerFiguresRow {
  owner: string;
  period_from: Date;
  period_to: Date;
  figures: OwnerFigures;
  published_at: Date;
}

function toView(r: OwnerFiguresRow): HotlineOwnerFiguresView {
  return {
    ...r.figures,
    owner: r.owner,
    // Figures published before owners were named carry no name.
    ownerName: r.figures.ownerName ?? null,
    from: new Date(r.period_from).toISOString(),
    to: new Date(r.period_to).toISOString(),
    updatedAt: new Date(r.published_at).toISOString(),
  };
}

@Injectable()
export class HotlineFiguresRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The latest figures of the owners the caller oversees: every department (a street's offices), and the units at or
   * below the caller's (a unit's code starts with its parent's). Departments first, then units, each by code.
   */
  async latest(caller: Caller): Promise<HotlineOwnerFiguresView[]> {
    const schema = this.em.config.get('schema');
    const rows: OwnerFiguresRow[] = await executePrepared(
      this.em,
      `select owner, period_from, period_to, figures, published_at from "${schema}"."hotline_owner_figures"
        where ? or owner !~ '^[0-9]+$' or exists (select 1 from unnest(?::text[]) as unit(code) where owner like unit.code || '%')
        order by owner ~ '^[0-9]+$', owner`,
      [isUnrestricted(caller), pgTextArray(caller.units)],
    );
    return rows.map(toView);
  }

  /** The latest figures of one lead owner (a unit or department code), null if the hotline never published any. */
  async ofOwner(owner: string): Promise<HotlineOwnerFiguresView | null> {
    const schema = this.em.config.get('schema');
    const rows: OwnerFiguresRow[] = await executePrepared(this.em, `select owner, period_from, period_to, figures, published_at from "${schema}"."hotline_owner_figures" where owner = ?`, [owner]);
    return rows.length ? toView(rows[0]) : null;
  }

  /** The latest figures of the units beneath a unit (a unit's code starts with its parent's), by code. */
  async beneath(unit: string): Promise<HotlineOwnerFiguresView[]> {
    const schema = this.em.config.get('schema');
    const rows: OwnerFiguresRow[] = await executePrepared(
      this.em,
      `select owner, period_from, period_to, figures, published_at from "${schema}"."hotline_owner_figures" where owner ~ '^[0-9]+$' and owner like ? and owner <> ? order by owner`,
      [`${unit}%`, unit],
    );
    return rows.map(toView);
  }
}
