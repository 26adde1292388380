import { Injectable } from '@nestjs/common';
import type { OverviewView } from '@gridline/contracts-analytics';
import { OverviewRepository } from '../../overview.repository';
import type { GetOverviewQuery } from './get-overview.query';

/** The numbers of streets, communities, grids and exclusive grids the caller oversees. */
@Injectable()
export class GetOverviewUseCase {
  constructor(private readonly overview: OverviewRepository) {}

  execute({ caller }: GetOverviewQuery): Promise<OverviewView> {
    return this.overview.countUnits(caller);
  }
}
