import fc from 'fast-check';
import { AppError } from '@gridline/platform';
import { Open311ErrorCode, type HotlineOpen311Client, type RecordOpen311UpdateRequest } from '@gridline/contracts-hotline';
import { Open311Error } from '../../open311-error';
import type { Open311Params } from '../../open311-params';
import type { Open311Settings } from '../../open311.settings';
import { SubmitServiceRequestUpdateUseCase } from './submit-service-request-update.use-case';

const settings: Open311Settings = { streets: ['370502003'], jurisdictionId: 'dongying.gov.cn', publishedChannels: ['open311'], endpointType: 'test' };
const APPEAL_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const NOW = new Date('2026-12-01T03:00:00.000Z');

function setup(appealStatus: 'signed' | 'closed' = 'signed') {
  const open311 = {
    verifyKey: jest.fn(async (_caller: unknown, apiKey: string) => {
      if (apiKey !== 'good-key') throw new AppError('OPEN311_KEY_INVALID', 'forbidden', 'Invalid api_key received');
      return { application: 'fms' };
    }),
    recordUpdate: jest.fn(async (_caller: unknown, request: RecordOpen311UpdateRequest) => {
      if (request.appealId !== APPEAL_ID) throw new AppError(Open311ErrorCode.RequestNotFound, 'not_found', 'not found');
      return { updateId: '77', appealId: APPEAL_ID, appealStatus, replayed: false };
    }),
  };
  return { useCase: new SubmitServiceRequestUpdateUseCase(open311 as unknown as HotlineOpen311Client, settings), open311 };
}

async function failure(promise: Promise<unknown>): Promise<Open311Error> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Open311Error);
  return error as Open311Error;
}

describe(SubmitServiceRequestUpdateUseCase.name, () => {
  const form = { api_key: 'good-key', service_request_id: APPEAL_ID, update_id: '4711', status: 'OPEN', updated_datetime: '2026-12-01T10:15:00+08:00', description: '垃圾还在' };
  const personal = { email: 'wang@example.cn', first_name: '秀英', last_name: '王', phone: '13805467777' };

  it('records the comment as the client application, without the commenter’s e-mail, name or phone', async () => {
    const { useCase, open311 } = setup();
    const answer = await useCase.execute({ ...form, ...personal, media_url: ['https://example.org/1.jpg', 'https://example.org/2.jpg'] }, NOW);
    expect(answer).toEqual([{ update_id: '77', service_notice: expect.stringContaining('已记录') }]);
    const [caller, request] = open311.recordUpdate.mock.calls[0];
    expect(caller).toMatchObject({ sub: 'open311:fms', roles: ['hotline_operator'], units: ['370502003'] });
    expect(request).toEqual({
      appealId: APPEAL_ID,
      clientUpdateId: '4711',
      text: '垃圾还在',
      mediaUrl: 'https://example.org/1.jpg',
      writtenAt: '2026-12-01T02:15:00.000Z',
      clientStatus: 'OPEN',
      channels: ['open311'],
    });
    for (const value of Object.values(personal)) expect(JSON.stringify(request)).not.toContain(value);
  });

  it('says that a comment on a closed appeal does not reopen it', async () => {
    const [answer] = await setup('closed').useCase.execute(form, NOW);
    expect(answer.service_notice).toContain('不会重新开启');
  });

  it('takes update_id_ext when update_id is not given, and neither is needed', async () => {
    const { useCase, open311 } = setup();
    await useCase.execute({ ...form, update_id: undefined, update_id_ext: '99' }, NOW);
    await useCase.execute({ ...form, update_id: undefined }, NOW);
    expect(open311.recordUpdate.mock.calls.map(([, r]) => r.clientUpdateId)).toEqual(['99', undefined]);
  });

  it('refuses a missing or invalid api_key with 403 before reading anything else', async () => {
    const { useCase, open311 } = setup();
    expect((await failure(useCase.execute({ ...form, api_key: '' }, NOW))).status).toBe(403);
    expect((await failure(useCase.execute({ ...form, api_key: 'bad' }, NOW))).errors[0].description).toContain('create_update');
    expect(open311.recordUpdate).not.toHaveBeenCalled();
  });

  it('answers 404 for another jurisdiction, and 400 for an unknown request', async () => {
    const { useCase } = setup();
    expect((await failure(useCase.execute({ ...form, jurisdiction_id: 'elsewhere' }, NOW))).status).toBe(404);
    const unknown = await failure(useCase.execute({ ...form, service_request_id: '00000000-0000-4000-8000-000000000000' }, NOW));
    expect(unknown.status).toBe(400);
    expect(unknown.errors[0].description).toMatch(/^service_request_id: .* was not found$/);
  });

  it('reports every fault at once: no request, no description, a bad status, date or photo', async () => {
    const { useCase, open311 } = setup();
    const error = await failure(useCase.execute({ api_key: 'good-key', status: 'SOLVED', updated_datetime: '2026-12-01 10:15', media_url: 'ftp://x' }, NOW));
    expect(error.status).toBe(400);
    expect(error.errors.map((e) => e.description.split(':')[0])).toEqual(['media_url', 'service_request_id', 'description', 'status', 'updated_datetime']);
    expect((await failure(useCase.execute({ ...form, updated_datetime: '2026-12-02T10:15:00+08:00' }, NOW))).errors[0].description).toBe('updated_datetime: must not be in the future');
    expect((await failure(useCase.execute({ ...form, service_request_id: '12345' }, NOW))).errors[0].description).toBe('service_request_id: 12345 was not found');
    expect(open311.recordUpdate).not.toHaveBeenCalled();
  });

  it('answers any malformed form with Open311 errors, never anything else, and records nothing', async () => {
    const { useCase, open311 } = setup();
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(fc.record({ service_request_id: field, description: field, status: field, updated_datetime: field, media_url: field }), async (bad) => {
        const params = { api_key: 'good-key', ...bad } as Open311Params;
        const outcome = await useCase.execute(params, NOW).then(
          () => 'recorded',
          (e: unknown) => (e instanceof Open311Error && e.status === 400 ? 'refused' : e),
        );
        // Only a well-formed update reaches the hotline (which refuses an unknown id itself).
        if (outcome === 'recorded') expect(bad.service_request_id).toBe(APPEAL_ID);
        else expect(outcome).toBe('refused');
      }),
      { seed: 311, numRuns: 200 },
    );
    // What reached the hotline was well-formed: a UUID, words, a date with its zone.
    for (const [, request] of open311.recordUpdate.mock.calls) expect(request).toMatchObject({ appealId: expect.stringMatching(/^[0-9a-f-]{36}$/), text: expect.any(String), writtenAt: expect.any(String) });
  });
});
