import { Injectable } from '@nestjs/common';
import { requireRole, type Caller, type Role } from '@gridline/auth';
import type { HotlineFiguresView } from '@gridline/contracts-analytics';
import { HotlineFiguresRepository } from '../../hotline-figures.repository';

/** Who reads the hotline's figures as analytics keeps them (and exports their table). */
export const HOTLINE_FIGURES_ROLES: readonly Role[] = ['admin', 'street_admin', 'hotline_operator', 'analyst'];

/** The hotline's three rates per lead owner, as last published: for those who read the hotline's figures. */
@Injectable()
export class GetHotlineFiguresUseCase {
  constructor(private readonly figures: HotlineFiguresRepository) {}

  async execute(caller: Caller): Promise<HotlineFiguresView> {
    requireRole(caller, HOTLINE_FIGURES_ROLES, 'read the hotline figures');
    return { owners: await this.figures.latest(caller) };
  }
}
