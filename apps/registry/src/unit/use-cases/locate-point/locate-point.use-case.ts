import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type LocateResult } from '@gridline/contracts-registry';
import { GridLocator } from '../../grid-locator';
import { assertMayRead } from '../../unit-permissions';
import type { LocatePointQuery } from './locate-point.query';

/** The grid that contains a point, with its community and street. */
@Injectable()
export class LocatePointUseCase {
  constructor(private readonly locator: GridLocator) {}

  async execute({ caller, lat, lng }: LocatePointQuery): Promise<LocateResult> {
    const grid = await this.locator.gridAt(lat, lng);
    if (!grid) {
      throw new AppError(RegistryErrorCode.NoGridAtPoint, 'not_found', `No grid contains the point (${lat}, ${lng})`, { lat, lng });
    }
    assertMayRead(caller, grid);
    return this.locator.describe(grid);
  }
}
