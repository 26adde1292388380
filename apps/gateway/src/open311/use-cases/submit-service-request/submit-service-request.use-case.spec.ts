import { AppError } from '@gridline/platform';
import type { HotlineClient, HotlineOpen311Client, IntakeAppealRequest } from '@gridline/contracts-hotline';
import type { Open311CatalogueReader } from '../../open311-catalogue';
import type { Open311JurisdictionChecker } from '../../open311-jurisdiction';
import { Open311Error } from '../../open311-error';
import { postParams } from '../../open311-params';
import type { Open311Settings } from '../../open311.settings';
import { SubmitServiceRequestUseCase } from './submit-service-request.use-case';

const settings: Open311Settings = { streets: ['370502003'], jurisdictionId: null, publishedChannels: ['open311'], endpointType: 'test' };
const APPEAL_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

function setup() {
  const hotline = {
    intake: jest.fn(async (_caller: unknown, _appeal: IntakeAppealRequest) => ({ appeal: { id: APPEAL_ID, dispatchDueAt: '2026-11-28T02:15:00.000Z' }, related: [] })),
  };
  const open311 = {
    verifyKey: jest.fn(async (_caller: unknown, apiKey: string) => {
      if (apiKey !== 'good-key') throw new AppError('OPEN311_KEY_INVALID', 'forbidden', 'Invalid api_key received');
      return { application: 'dongying-app' };
    }),
    recordMedia: jest.fn(async () => ({ appealId: APPEAL_ID, mediaUrl: 'x' })),
  };
  const catalogue = {
    read: jest.fn(async () => ({ services: [{ service_code: 'ENV.GARBAGE', service_name: '垃圾堆放' }], names: new Map(), changedAt: new Date() })),
  };
  const jurisdiction = { assertWithin: jest.fn(async () => undefined) };
  const useCase = new SubmitServiceRequestUseCase(
    hotline as unknown as HotlineClient,
    open311 as unknown as HotlineOpen311Client,
    catalogue as unknown as Open311CatalogueReader,
    jurisdiction as unknown as Open311JurisdictionChecker,
    settings,
  );
  return { useCase, hotline, open311 };
}

async function failure(promise: Promise<unknown>): Promise<Open311Error> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Open311Error);
  return error as Open311Error;
}

describe(SubmitServiceRequestUseCase.name, () => {
  const form = { api_key: 'good-key', service_code: 'ENV.GARBAGE', lat: '37.405', long: '118.505' };

  it('takes the report as an open311 appeal of the client application, for the served street', async () => {
    const { useCase, hotline } = setup();
    const answer = await useCase.execute({ ...form, first_name: '秀英', last_name: '王', phone: '13805467777', email: 'w@example.cn', description: '垃圾堆放', account_id: 'acct-1' });
    expect(answer).toEqual([{ service_request_id: APPEAL_ID, service_notice: expect.stringContaining('2026-11-28 10:15'), account_id: 'acct-1' }]);
    expect(hotline.intake).toHaveBeenCalledWith(
      { sub: 'open311:dongying-app', name: 'dongying-app', roles: ['hotline_operator'], units: ['370502003'] },
      { channel: 'open311', type: 'report', caller: { name: '王秀英', phone: '13805467777' }, content: '垃圾堆放', categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505 }, urgency: 'general' },
    );
    expect(JSON.stringify(hotline.intake.mock.calls)).not.toContain('w@example.cn');
  });

  it('writes a Latin name given name first, takes an appeal without name or phone as anonymous, and the service name without a description', async () => {
    const { useCase, hotline } = setup();
    await useCase.execute({ ...form, first_name: 'John', last_name: 'Smith' });
    expect(hotline.intake.mock.calls[0][1].caller).toEqual({ name: 'John Smith' });
    await useCase.execute({ api_key: 'good-key', service_code: 'ENV.GARBAGE', address_string: '文汇小区' });
    expect(hotline.intake.mock.calls[1][1]).toMatchObject({ caller: { anonymous: true }, content: '垃圾堆放', location: { address: '文汇小区' } });
  });

  it('refuses a missing or unknown api_key with 403 before anything else', async () => {
    const { useCase, hotline, open311 } = setup();
    expect((await failure(useCase.execute({ service_code: 'ENV.GARBAGE' }))).status).toBe(403);
    expect(open311.verifyKey).not.toHaveBeenCalled();
    const bad = await failure(useCase.execute({ ...form, api_key: 'bad-key' }));
    expect(bad.errors).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request" }]);
    expect(hotline.intake).not.toHaveBeenCalled();
  });

  it('lists every fault of the form at once with 400, and answers 404 for an unknown service', async () => {
    const { useCase } = setup();
    const faults = await failure(useCase.execute({ api_key: 'good-key', lat: '91', media_url: 'ftp://x', description: ['a', 'b'] as unknown as string }));
    expect(faults.status).toBe(400);
    expect(faults.errors.map((e) => e.description)).toEqual(['description was given more than once']);
    const many = await failure(useCase.execute({ api_key: 'good-key', lat: '91', media_url: 'ftp://x' }));
    expect(many.errors.map((e) => e.description)).toEqual([
      expect.stringMatching(/^lat: /),
      expect.stringMatching(/^media_url: /),
      'service_code: service_code was not provided',
      'lat/long: lat and long must be sent together',
    ]);
    expect((await failure(useCase.execute({ ...form, service_code: 'ENV.NOPE' }))).status).toBe(404);
  });

  it('names the form’s fields in the hotline’s validation errors', async () => {
    const { useCase, hotline } = setup();
    hotline.intake.mockRejectedValueOnce(AppError.validation([{ field: 'caller.phone', reasons: ['phone must be a mainland mobile'] }]));
    const error = await failure(useCase.execute({ ...form, phone: '123' }));
    expect(error.errors).toEqual([{ code: 400, description: 'phone: phone must be a mainland mobile' }]);
  });

  it('records the media URL, and still answers when that fails (the appeal exists)', async () => {
    const { useCase, open311 } = setup();
    open311.recordMedia.mockRejectedValueOnce(new Error('bus down'));
    const answer = await useCase.execute({ ...form, media_url: 'https://example.org/1.jpg' });
    expect(answer[0].service_request_id).toBe(APPEAL_ID);
    expect(open311.recordMedia).toHaveBeenCalledWith(expect.objectContaining({ sub: 'open311:dongying-app' }), { appealId: APPEAL_ID, mediaUrl: 'https://example.org/1.jpg' });
  });

  it('keeps the first media_url of several', async () => {
    const { useCase, open311 } = setup();
    await useCase.execute({ ...form, media_url: ['https://example.org/1.jpg', 'https://example.org/2.jpg'] });
    expect(open311.recordMedia).toHaveBeenCalledWith(expect.anything(), { appealId: APPEAL_ID, mediaUrl: 'https://example.org/1.jpg' });
  });
});

describe(postParams.name, () => {
  it('takes the query string and the body together, the body winning a name both give', () => {
    expect(postParams({ api_key: 'from-query', service_code: 'ENV.GARBAGE' }, { api_key: 'from-body', lat: '37.4' })).toEqual({ api_key: 'from-body', service_code: 'ENV.GARBAGE', lat: '37.4' });
    expect(postParams({ api_key: 'k' }, undefined)).toEqual({ api_key: 'k' });
  });

  it('refuses a body that is not a form', () => {
    for (const body of ['api_key=x', ['a']]) {
      const error = (() => {
        try {
          postParams({}, body);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(Open311Error);
      expect((error as Open311Error).status).toBe(400);
    }
  });
});
