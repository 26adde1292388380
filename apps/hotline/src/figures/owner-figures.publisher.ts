import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, type ClaimedPass, type PollingWorkerSettings } from '@gridline/messaging';
import type { OwnerFigures } from '@gridline/contracts-hotline';
import { ReadAppealFiguresQuery } from '../appeal/use-cases/read-appeal-figures/read-appeal-figures.query';
import { ReadAppealFiguresUseCase } from '../appeal/use-cases/read-appeal-figures/read-appeal-figures.use-case';
import { ReferenceRepository } from '@gridline/registry-reference';
import { FiguresPublicationRepository } from './figures-publication.repository';

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
export class OwnerFiguresPublisher extends ClaimingWorker<string> {
  protected readonly logger = new Logger(OwnerFiguresPublisher.name);

  constructor(
    private readonly publications: FiguresPublicationRepository,
    private readonly readFigures: ReadAppealFiguresUseCase,
    private readonly copy: ReferenceRepository,
    transactions: TransactionRunner,
    @Inject(FIGURES_SETTINGS) private readonly settings: FiguresSettings,
  ) {
    super(transactions, settings);
  }

  /** Publishes the owners that are due (the figures read in the pass's transaction); answers them, to log after the commit. */
  protected async claimAndAct(now: Date): Promise<ClaimedPass<string>> {
    // Dispatching changes the appeal, so a day's look back is plenty to find new owners.
    await this.publications.enrolOwnersChangedSince(new Date(now.getTime() - DAY));
    const owners = await this.publications.claimDue(new Date(now.getTime() - this.settings.intervalMs), new Date(now.getTime() - DAY), this.settings.batchSize);
    if (owners.length === 0) return { claimed: 0, notes: [] };
    const from = new Date(now.getTime() - this.settings.days * DAY).toISOString();
    const to = now.toISOString();
    const all = await this.readFigures.execute(new ReadAppealFiguresQuery(SYSTEM_CALLER, { from, to }));
    const byOwner = new Map(all.map((f) => [f.owner, f]));
    const names = await this.copy.ownerNames(owners.filter((owner) => !byOwner.has(owner)));
    for (const owner of owners) {
      this.publications.recordPublished({ owner, from, to, figures: byOwner.get(owner) ?? noFigures(owner, names.owner(owner)), at: to });
    }
    await this.publications.markPublished(owners, now);
    return { claimed: owners.length, notes: owners };
  }

  protected logCommitted(owners: readonly string[]): void {
    if (owners.length > 0) this.logger.log({ msg: 'owner figures published', owners });
  }
}
