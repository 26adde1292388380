import { Inject, Injectable } from '@nestjs/common';
import { HotlineOpen311Client, type AppealStatus, type PublicAppealsQuery } from '@gridline/contracts-hotline';
import { Open311CatalogueReader } from '../../open311-catalogue';
import { Open311Error } from '../../open311-error';
import { appealStatusesOf, toOpen311Request } from '../../open311-mapper';
import { checkJurisdiction, commaList, single, wholeNumber, type Open311Params } from '../../open311-params';
import type { Open311ServiceRequest, Open311Status } from '../../open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from '../../open311.settings';
import { parseW3cDateTime } from '../../w3c-datetime';

const DAY = 86_400_000;
/** The specification's default and largest window, and its "first 1000 requests". */
const MAX_SPAN_DAYS = 90;
const MAX_REQUESTS = 1000;
/** 90 days of a street's requests fit well within this many pages of one. */
const MAX_PAGE = 100_000;
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
    const pageSize = wholeNumber(params, 'page_size', 1, MAX_REQUESTS, MAX_REQUESTS);
    const page = wholeNumber(params, 'page', 1, MAX_PAGE, 1);
    return this.fetch({ ...filters, limit: pageSize, ...(page > 1 ? { offset: (page - 1) * pageSize } : {}) });
  }

  async one(id: string, params: Open311Params): Promise<Open311ServiceRequest[]> {
    checkJurisdiction(this.settings, params);
    const found = UUID.test(id) ? await this.fetch({ ids: [id.toLowerCase()] }) : [];
    if (found.length === 0) throw Open311Error.notFound(`service_request_id ${id} was not found`);
    return found;
  }

  private filters(params: Open311Params): Omit<PublicAppealsQuery, 'ids' | 'channels' | 'limit'> {
    const errors: string[] = [];
    const serviceCodes = commaList(params, 'service_code');
    if (serviceCodes && serviceCodes.length > 100) errors.push('service_code may name at most 100 services');
    const statuses = commaList(params, 'status');
    const badStatus = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
    if (badStatus.length) errors.push(`status must be open or closed (comma-delimited), not ${badStatus.join(', ')}`);
    const date = (name: string): Date | undefined => {
      const text = single(params, name);
      if (text === undefined) return undefined;
      const parsed = parseW3cDateTime(text);
      if (!parsed) errors.push(`${name} must be a W3C date-time with its time zone, e.g. 2026-11-01T00:00:00+08:00`);
      return parsed ?? undefined;
    };
    const start = date('start_date');
    const end = date('end_date');
    if (errors.length) throw Open311Error.badRequest(...errors);

    // Without dates, the last 90 days, open-ended so that a request received a moment ago is never missed.
    const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY) : undefined);
    const from = start ?? new Date((to?.getTime() ?? Date.now()) - MAX_SPAN_DAYS * DAY);
    if (to && from > to) throw Open311Error.badRequest('start_date must not be after end_date');
    if (to && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) throw Open311Error.badRequest(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);

    const wanted = statuses ? [...new Set(statuses as Open311Status[])] : undefined;
    return {
      ...(serviceCodes ? { categoryCodes: serviceCodes } : {}),
      // Both open and closed is every state: no filter.
      ...(wanted && wanted.length === 1 ? { statuses: wanted.flatMap(appealStatusesOf) as AppealStatus[] } : {}),
      from: from.toISOString(),
      ...(to ? { to: to.toISOString() } : {}),
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
