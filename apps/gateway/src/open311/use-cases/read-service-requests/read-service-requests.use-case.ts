import { Inject, Injectable } from '@nestjs/common';
import { HotlineOpen311Client, OPEN311_MAX_PAGE_SIZE, type AppealStatus, type PublicAppealsQuery } from '@gridline/contracts-hotline';
import { Open311CatalogueReader } from '../../open311-catalogue';
import { Open311Error } from '../../open311-error';
import { appealStatusesOf, toOpen311Request } from '../../open311-mapper';
import { checkJurisdiction, commaList, type Open311Params } from '../../open311-params';
import { readPage, readPeriod } from '../../open311-period';
import type { Open311ServiceRequest, Open311Status } from '../../open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from '../../open311.settings';

const MAX_REQUESTS = OPEN311_MAX_PAGE_SIZE;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET requests and GET request: appeals of the served street(s) as Open311 service requests. */
@Injectable()
export class ReadServiceRequestsUseCase {
  constructor(
    private readonly hotline: HotlineOpen311Client,
    private readonly catalogue: Open311CatalogueReader,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /**
   * service_request_id (comma-delimited) overrides every other filter; otherwise service_code and status (both
   * comma-delimited), start_date and end_date (at most 90 days apart; the last 90 days by default). Newest first, at
   * most 1000 a page: `page` (from 1) and `page_size` (1 to 1000) page through more.
   */
  async list(params: Open311Params): Promise<Open311ServiceRequest[]> {
    checkJurisdiction(this.settings, params);
    const ids = commaList(params, 'service_request_id');
    if (ids) {
      if (ids.length > MAX_REQUESTS) throw Open311Error.badRequest(`service_request_id may name at most ${MAX_REQUESTS} requests`);
      // An id that is not a UUID names no request here: nothing to find, rather than an error.
      const known = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
      return known.length ? this.fetch({ ids: known }) : [];
    }
    const filters = this.filters(params);
    return this.fetch({ ...filters, ...readPage(params) });
  }

  async one(id: string, params: Open311Params): Promise<Open311ServiceRequest[]> {
    checkJurisdiction(this.settings, params);
    const found = UUID.test(id) ? await this.fetch({ ids: [id.toLowerCase()] }) : [];
    if (found.length === 0) throw Open311Error.notFound(`service_request_id ${id} was not found`);
    return found;
  }

  private filters(params: Open311Params): Omit<PublicAppealsQuery, 'ids' | 'channels' | 'page' | 'pageSize'> {
    const errors: string[] = [];
    const serviceCodes = commaList(params, 'service_code');
    if (serviceCodes && serviceCodes.length > 100) errors.push('service_code may name at most 100 services');
    const statuses = commaList(params, 'status');
    const badStatus = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
    if (badStatus.length) errors.push(`status must be open or closed (comma-delimited), not ${badStatus.join(', ')}`);
    const period = readPeriod(params, errors);
    if (errors.length || !period) throw Open311Error.badRequest(...errors);

    const wanted = statuses ? [...new Set(statuses as Open311Status[])] : undefined;
    return {
      ...(serviceCodes ? { categoryCodes: serviceCodes } : {}),
      // Both open and closed is every state: no filter.
      ...(wanted && wanted.length === 1 ? { statuses: wanted.flatMap(appealStatusesOf) as AppealStatus[] } : {}),
      from: period.from.toISOString(),
      ...(period.to ? { to: period.to.toISOString() } : {}),
    };
  }

  private async fetch(query: Omit<PublicAppealsQuery, 'channels'>): Promise<Open311ServiceRequest[]> {
    const [appeals, catalogue] = await Promise.all([
      this.hotline.publicAppeals(open311Caller(this.settings), { ...query, channels: this.settings.publishedChannels }),
      this.catalogue.read(),
    ]);
    return appeals.map((a) => toOpen311Request(a, a.categoryCode ? (catalogue.names.get(a.categoryCode) ?? null) : null));
  }
}
