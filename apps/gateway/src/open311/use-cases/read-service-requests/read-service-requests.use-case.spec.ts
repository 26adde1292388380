import type { HotlineOpen311Client, PublicAppealsQuery } from '@gridline/contracts-hotline';
import type { Open311CatalogueReader } from '../../open311-catalogue';
import { Open311Error } from '../../open311-error';
import type { Open311Settings } from '../../open311.settings';
import { ReadServiceRequestsUseCase } from './read-service-requests.use-case';

const settings: Open311Settings = { streets: ['370502003'], jurisdictionId: 'dongying.gov.cn', publishedChannels: ['open311', 'app'], endpointType: 'test' };
const ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const DAY = 86_400_000;

function setup() {
  const hotline = { publicAppeals: jest.fn(async (_caller: unknown, _query: PublicAppealsQuery) => []) };
  const catalogue = { read: jest.fn(async () => ({ services: [], names: new Map(), changedAt: new Date() })) };
  const useCase = new ReadServiceRequestsUseCase(hotline as unknown as HotlineOpen311Client, catalogue as unknown as Open311CatalogueReader, settings);
  const query = () => hotline.publicAppeals.mock.calls[0][1];
  return { useCase, hotline, query };
}

async function failure(promise: Promise<unknown>): Promise<Open311Error> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Open311Error);
  return error as Open311Error;
}

describe(ReadServiceRequestsUseCase.name, () => {
  it('reads the last 90 days, at most 1000, of the published channels, as the Open311 reader of the street', async () => {
    const { useCase, hotline, query } = setup();
    await useCase.list({});
    expect(hotline.publicAppeals.mock.calls[0][0]).toEqual({ sub: 'open311', name: 'open311', roles: ['hotline_operator'], units: ['370502003'] });
    expect(query()).toEqual({ from: expect.any(String), pageSize: 1000, channels: ['open311', 'app'] });
    expect(Date.now() - Date.parse(query().from as string)).toBeGreaterThanOrEqual(90 * DAY);
    expect(Date.now() - Date.parse(query().from as string)).toBeLessThan(90 * DAY + 60_000);
  });

  it('lets service_request_id override every other filter, dropping ids that cannot exist', async () => {
    const { useCase, hotline, query } = setup();
    await useCase.list({ service_request_id: `${ID.toUpperCase()}, 12345,${ID}`, status: 'bogus', start_date: 'bogus' });
    expect(query()).toEqual({ ids: [ID], channels: ['open311', 'app'] });
    expect(await useCase.list({ service_request_id: '12345' })).toEqual([]);
    expect(hotline.publicAppeals).toHaveBeenCalledTimes(1);
  });

  it('maps open and closed to the appeal states, and both to no filter', async () => {
    const { useCase, hotline } = setup();
    await useCase.list({ status: 'closed' });
    await useCase.list({ status: 'open' });
    await useCase.list({ status: 'open,closed' });
    expect(hotline.publicAppeals.mock.calls.map(([, q]) => q.statuses)).toEqual([['closed', 'merged'], ['received', 'dispatched', 'signed', 'answered'], undefined]);
  });

  it('opens a 90-day window from a lone start_date or back from a lone end_date', async () => {
    const { useCase, hotline } = setup();
    await useCase.list({ start_date: '2026-01-01T00:00:00Z', service_code: 'ENV.GARBAGE,ENV.SEWAGE' });
    await useCase.list({ end_date: '2026-04-01T00:00:00+08:00' });
    expect(hotline.publicAppeals.mock.calls[0][1]).toMatchObject({ categoryCodes: ['ENV.GARBAGE', 'ENV.SEWAGE'], from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(hotline.publicAppeals.mock.calls[1][1]).toMatchObject({ from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
  });

  it('answers 400 for bad parameters, all at once, and 404 for another jurisdiction', async () => {
    const { useCase, hotline } = setup();
    const bad = await failure(useCase.list({ status: 'pending', start_date: '2026-01-01T10:00' }));
    expect(bad.errors.map((e) => e.description)).toEqual([expect.stringContaining('status'), expect.stringContaining('start_date')]);
    expect((await failure(useCase.list({ start_date: '2026-01-01', end_date: '2026-04-02' }))).errors[0].description).toContain('90 days');
    expect((await failure(useCase.list({ jurisdiction_id: 'sfgov.org' }))).status).toBe(404);
    expect(hotline.publicAppeals).not.toHaveBeenCalled();
  });

  it('answers 404 for a request that is not there', async () => {
    const { useCase } = setup();
    expect((await failure(useCase.one(ID, {}))).status).toBe(404);
    expect((await failure(useCase.one('not-an-id', {}))).errors[0].description).toContain('not-an-id');
  });
});
