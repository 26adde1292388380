import { Injectable } from '@nestjs/common';
import { requireRole, type Caller } from '@gridline/auth';
import type { HotlineFiguresView } from '@gridline/contracts-analytics';
import { HotlineFiguresRepository } from '../../hotline-figures.repository';

/** The hotline's three rates per lead owner, as last published: for those who read the hotline's figures. */
@Injectable()
export class GetHotlineFiguresUseCase {
  constructor(private readonly figures: HotlineFiguresRepository) {}

  async execute(caller: Caller): Promise<HotlineFiguresView> {
    requireRole(caller, ['admin', 'street_admin', 'hotline_operator', 'analyst'], 'read the hotline figures');
    return { owners: await this.figures.latest(caller) };
  }
}
