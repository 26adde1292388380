import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';

/** Where a point lies on the grid map: its grid and the grid's path from the street (a community when it has one). */
export interface AppealPlace {
  gridCode: string;
  path: string[];
}

/** Locates an appeal's point in a grid through the registry; a point outside every grid has no place (null). */
@Injectable()
export class AppealPlaceLocator {
  constructor(private readonly registry: RegistryClient) {}

  async locate(lat: number, lng: number): Promise<AppealPlace | null> {
    try {
      const { street, community, grid } = await this.registry.locate(SYSTEM_CALLER, { lat, lng });
      const path = [street.code, ...(community ? [community.code] : []), grid.code].filter((code, i, all) => all.indexOf(code) === i);
      return { gridCode: grid.code, path };
    } catch (error) {
      if (error instanceof AppError && error.code === RegistryErrorCode.NoGridAtPoint) return null;
      throw error;
    }
  }
}
