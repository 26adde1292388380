import { Inject, Injectable } from '@nestjs/common';
import { API_PREFIX } from '../../../http/api';
import { Open311CatalogueReader } from '../../open311-catalogue';
import { Open311Error } from '../../open311-error';
import { toOpen311Attribute } from '../../open311-mapper';
import { checkJurisdiction, type Open311Params } from '../../open311-params';
import type { Open311Discovery, Open311Service, Open311ServiceDefinition } from '../../open311.types';
import { OPEN311_SETTINGS, type Open311Settings } from '../../open311.settings';
import { toW3cDateTime } from '../../w3c-datetime';

/** Where the endpoints are, below the gateway's origin. */
export const OPEN311_PATH = 'open311/v2';
export const PUBLIC_GRID_PATH = `${API_PREFIX}/public/grid`;

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
/** mySociety's extensions of GeoReport v2 (servicerequestupdates), which FixMyStreet clients look for. */
export const FIXMYSTREET_OPEN311 = 'https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Complete-Spec';
/** Names the public grid lookup's interface in discovery (its OpenAPI description is the gateway's, `GET /api/v1/public/grid`). */
export const PUBLIC_GRID_LOOKUP_V1 = 'urn:gridline:public-grid-lookup:v1';

/** Discovery, the service list and service definitions: what a client reads before it posts. */
@Injectable()
export class ReadServicesUseCase {
  constructor(
    private readonly catalogue: Open311CatalogueReader,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /**
   * `origin`: this gateway as the client reached it (behind a proxy, as the proxy says). Three endpoints: GeoReport v2,
   * the public grid lookup ("something to find, find the grid member": a point or an address → the grid and its
   * grid staff's work phones), which a resident's app can offer beside the report form, and — at the GeoReport
   * endpoint's own URL — FixMyStreet's extensions (servicerequestupdates).
   */
  async discovery(origin: string): Promise<Open311Discovery> {
    const changeset = toW3cDateTime((await this.catalogue.read()).changedAt) as string;
    const type = this.settings.endpointType;
    return {
      changeset,
      contact: 'Citizens: call 12345. Developers: ask the platform administrators of this Gridline installation.',
      key_service: 'API keys are issued per client application by the platform administrators (POST /api/v1/open311/keys, admin role).',
      endpoints: [
        { specification: GEOREPORT_V2, url: `${origin}/${OPEN311_PATH}`, changeset, type, formats: ['text/xml', 'application/json'] },
        { specification: PUBLIC_GRID_LOOKUP_V1, url: `${origin}/${PUBLIC_GRID_PATH}`, changeset, type, formats: ['application/json'] },
        { specification: FIXMYSTREET_OPEN311, url: `${origin}/${OPEN311_PATH}`, changeset, type, formats: ['text/xml', 'application/json'] },
      ],
    };
  }

  async services(params: Open311Params): Promise<Open311Service[]> {
    checkJurisdiction(this.settings, params);
    return (await this.catalogue.read()).services;
  }

  async definition(serviceCode: string, params: Open311Params): Promise<Open311ServiceDefinition> {
    checkJurisdiction(this.settings, params);
    const catalogue = await this.catalogue.read();
    const service = catalogue.services.find((s) => s.service_code === serviceCode);
    if (!service) throw Open311Error.notFound(`service_code ${serviceCode} was not found`);
    return { service_code: service.service_code, attributes: (catalogue.details.get(service.service_code) ?? []).map(toOpen311Attribute) };
  }
}
