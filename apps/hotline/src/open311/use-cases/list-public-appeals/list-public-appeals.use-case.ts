import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { APPEAL_TAKERS, requireRole } from '@gridline/auth';
import { pageOffset } from '@gridline/platform';
import { OPEN311_MAX_PAGE_SIZE, type PublicAppealView } from '@gridline/contracts-hotline';
import type { AppealEntity } from '../../../appeal/appeal.entity';
import { Open311Repository } from '../../open311.repository';
import type { ListPublicAppealsQuery } from './list-public-appeals.query';
import { publishedAppeals } from '../../published-appeals';
import { toPublicAppealView } from '../../public-appeal.mapper';

/**
 * Appeals for Open311's GET requests: in the caller's scope, with a category (an Open311 service request always has
 * a service), through the channels asked for; by ids, which override the other filters, or by categories, states and
 * reception period; newest first.
 */
@Injectable()
export class ListPublicAppealsUseCase {
  constructor(private readonly open311: Open311Repository) {}

  async execute({ caller, filter: query }: ListPublicAppealsQuery): Promise<PublicAppealView[]> {
    requireRole(caller, APPEAL_TAKERS, 'read appeals for Open311');
    const where: FilterQuery<AppealEntity>[] = publishedAppeals(caller, query.channels);
    if (query.ids) {
      where.push({ id: { $in: query.ids } });
    } else {
      if (query.categoryCodes) where.push({ categoryCode: { $in: query.categoryCodes } });
      if (query.statuses) where.push({ status: { $in: query.statuses } });
      if (query.from) where.push({ receivedAt: { $gte: new Date(query.from) } });
      if (query.to) where.push({ receivedAt: { $lte: new Date(query.to) } });
    }
    const appeals = await this.open311.publishedAppeals({ $and: where }, pageOffset(query, OPEN311_MAX_PAGE_SIZE));
    if (appeals.length === 0) return [];
    const mediaOf = await this.open311.mediaOf(appeals.map((a) => a.id));
    return appeals.map((a) => toPublicAppealView(a, mediaOf.get(a.id) ?? null));
  }
}
