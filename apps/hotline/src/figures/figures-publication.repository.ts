import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox } from '@gridline/messaging';
import { HOTLINE_EVENTS, type HotlineFiguresUpdatedEventData } from '@gridline/contracts-hotline';

/**
 * When each lead owner's figures went out (`figures_publication`), and their event: written in the publisher's
 * transaction (the service's EntityManager resolves to it); it never opens one itself.
 */
@Injectable()
export class FiguresPublicationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** Adds the lead owners of the appeals changed since `since` that have no row yet (an owner appears with its first dispatched appeal). */
  async enrolOwnersChangedSince(since: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."figures_publication" (owner)
       select distinct lead_key from "${this.schema}"."appeal" where lead_key is not null and updated_at >= ?
       on conflict do nothing`,
      [since],
    );
  }

  /**
   * Up to `limit` owners due, row-locked for the transaction: never published, or published before `publishedBefore`
   * and either before `staleBefore` or with an appeal changed since. SKIP LOCKED: another replica publishing an owner
   * right now keeps it.
   */
  async claimDue(publishedBefore: Date, staleBefore: Date, limit: number): Promise<string[]> {
    const rows: { owner: string }[] = await this.em.execute(
      `select owner from "${this.schema}"."figures_publication" p
        where p.published_at is null
           or (p.published_at <= ? and (p.published_at <= ? or exists (
                 select 1 from "${this.schema}"."appeal" a where a.lead_key = p.owner and a.updated_at > p.published_at)))
        order by p.published_at asc nulls first
        limit ? for update skip locked`,
      [publishedBefore, staleBefore, limit],
    );
    return rows.map((r) => r.owner);
  }

  /** Records an owner's figures event in the outbox. */
  recordPublished(data: HotlineFiguresUpdatedEventData): void {
    this.events.record(HOTLINE_EVENTS.figuresUpdated, data.owner, data);
  }

  /** Marks the owners published at `at`, and writes the events recorded. */
  async markPublished(owners: readonly string[], at: Date): Promise<void> {
    await this.em.execute(`update "${this.schema}"."figures_publication" set published_at = ? where owner = any(?::text[])`, [at, `{${owners.map((o) => `"${o}"`).join(',')}}`]);
    await this.em.flush();
  }

  private get schema(): string {
    return this.em.config.get('schema');
  }
}
