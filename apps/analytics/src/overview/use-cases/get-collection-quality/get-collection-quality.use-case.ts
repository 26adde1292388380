import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { CollectionQualityView } from '@gridline/contracts-analytics';
import { OverviewRepository } from '../../overview.repository';

/** How complete the registers are over the grids the caller oversees, weakest grids first. */
@Injectable()
export class GetCollectionQualityUseCase {
  constructor(private readonly overview: OverviewRepository) {}

  execute(caller: Caller): Promise<CollectionQualityView> {
    return this.overview.collectionQuality(caller);
  }
}
