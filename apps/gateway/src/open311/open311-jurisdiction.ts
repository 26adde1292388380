import { Inject, Injectable } from '@nestjs/common';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { Open311Error } from './open311-error';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from './open311.settings';

/**
 * Whether a point lies within the jurisdiction the endpoint serves: in a grid of a served street, or — where the map
 * has no grid yet — within a served street's boundary. A street drawn without a boundary cannot say no: a point
 * that locates in no grid is then taken, as before (and filed under the first street).
 */
@Injectable()
export class Open311JurisdictionChecker {
  constructor(
    private readonly registry: RegistryClient,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /** Throws the specification's 400 when the point lies outside. */
  async assertWithin(lat: number, lng: number): Promise<void> {
    const caller = open311Caller(this.settings);
    const located = await this.registry.locate(caller, { lat, lng }).then(
      () => 'served' as const,
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        if (error.code === RegistryErrorCode.NoGridAtPoint) return 'no_grid' as const;
        // A grid the served streets' operator may not see lies in another street.
        if (error.kind === 'forbidden' || error.kind === 'not_found') return 'elsewhere' as const;
        throw error;
      },
    );
    if (located === 'served') return;
    if (located === 'no_grid') {
      const streets = await Promise.all(this.settings.streets.map((code) => this.registry.getUnit(caller, code).catch(() => null)));
      const drawn = streets.filter((s) => s?.boundary);
      if (drawn.length < streets.length || drawn.some((s) => booleanPointInPolygon([lng, lat], s!.boundary!))) return;
    }
    throw Open311Error.badRequest(`lat/long: the location (${lat}, ${lng}) lies outside this jurisdiction (the streets this endpoint serves)`);
  }
}
