import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext as OrmContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_CALLER } from '@gridline/auth';
import { EventPublisher, PollingWorker, type PollingWorkerSettings } from '@gridline/messaging';
import { HOTLINE_EVENTS, type OwnerFigures } from '@gridline/contracts-hotline';
import { ReadAppealFiguresQuery } from '../appeal/use-cases/read-appeal-figures/read-appeal-figures.query';
import { ReadAppealFiguresUseCase } from '../appeal/use-cases/read-appeal-figures/read-appeal-figures.use-case';
import { ReferenceNames } from '../reference/reference-names';

/** How often it looks (a minute), how many owners a pass publishes, whether it starts with the application, and: */
export interface FiguresSettings extends PollingWorkerSettings {
  /** An owner's figures go out at most this often (and only when its appeals changed, but at least daily). */
  intervalMs: number;
  /** The period they cover: the last this many days, by reception. */
  days: number;
}

export const FIGURES_SETTINGS = Symbol('FIGURES_SETTINGS');

const DAY = 86_400_000;

function noFigures(owner: string, ownerName: string | null): OwnerFigures {
  return { owner, ownerName, appeals: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null, returnRate: null, reopenRate: null, extensionRate: null };
}

/**
 * Publishes each lead owner's figures (the three rates and the unit figures of the last 30 days) as
 * `events.hotline.figures.updated`, for analytics. Looking once a minute, it publishes an owner at most once per
 * interval (an hour), and only when one of its appeals changed since — or a day has passed, as the period slides. The owners are claimed with FOR UPDATE SKIP LOCKED and published in the same transaction, so two replicas
 * never publish one owner twice.
 */
@Injectable()
export class OwnerFiguresPublisher extends PollingWorker {
  protected readonly logger = new Logger(OwnerFiguresPublisher.name);

  constructor(
    private readonly em: EntityManager,
    private readonly readFigures: ReadAppealFiguresUseCase,
    private readonly events: EventPublisher,
    private readonly names: ReferenceNames,
    @Inject(FIGURES_SETTINGS) private readonly settings: FiguresSettings,
  ) {
    super(settings);
  }

  /** One pass: publishes the owners that are due. Returns how many it published. */
  async tick(): Promise<number> {
    const em = this.em.fork();
    const published = await em.transactional(async (tx) => {
      const now = new Date();
      const schema = tx.config.get('schema');
      // An owner appears with its first dispatched appeal (dispatching changes the appeal, so a day's look back is plenty).
      await tx.execute(
        `insert into "${schema}"."figures_publication" (owner)
         select distinct lead_key from "${schema}"."appeal" where lead_key is not null and updated_at >= ?
         on conflict do nothing`,
        [new Date(now.getTime() - DAY)],
      );
      // SKIP LOCKED: another replica publishing an owner right now keeps it.
      const rows: { owner: string }[] = await tx.execute(
        `select owner from "${schema}"."figures_publication" p
          where p.published_at is null
             or (p.published_at <= ? and (p.published_at <= ? or exists (
                   select 1 from "${schema}"."appeal" a where a.lead_key = p.owner and a.updated_at > p.published_at)))
          order by p.published_at asc nulls first
          limit ? for update skip locked`,
        [new Date(now.getTime() - this.settings.intervalMs), new Date(now.getTime() - DAY), this.settings.batchSize],
      );
      if (rows.length === 0) return [];
      const from = new Date(now.getTime() - this.settings.days * DAY).toISOString();
      const to = now.toISOString();
      const all = await OrmContext.create(tx, () => this.readFigures.execute(new ReadAppealFiguresQuery(SYSTEM_CALLER, { from, to })));
      const byOwner = new Map(all.map((f) => [f.owner, f]));
      const idle = rows.map((r) => r.owner).filter((owner) => !byOwner.has(owner));
      const names = await this.names.ownerBook(idle);
      for (const { owner } of rows) {
        this.events.record(tx, HOTLINE_EVENTS.figuresUpdated, owner, { owner, from, to, figures: byOwner.get(owner) ?? noFigures(owner, names.owner(owner)), at: to });
      }
      await tx.execute(`update "${schema}"."figures_publication" set published_at = ? where owner = any(?::text[])`, [now, `{${rows.map((r) => `"${r.owner}"`).join(',')}}`]);
      await tx.flush();
      return rows.map((r) => r.owner);
    });
    if (published.length > 0) this.logger.log({ msg: 'owner figures published', owners: published });
    return published.length;
  }
}
