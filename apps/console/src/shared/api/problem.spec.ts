import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError, fieldErrorsOf, type Problem } from './problem';

const problem = (errors: Problem['errors'], detail = 'The request is not valid'): Problem => ({
  type: 'https://gridline.dev/problems/validation-failed', title: 'Bad Request', status: 400, detail, code: 'VALIDATION_FAILED', errors,
});

describe(fieldErrorsOf.name, () => {
  it('puts each named field error on its form field', () => {
    const shown = fieldErrorsOf(problem([{ field: 'reason', reasons: ['is required to reject a case'] }]), ['reason', 'comment']);
    expect(shown).toEqual({ fields: { reason: 'is required to reject a case' }, form: null });
  });

  it('joins several reasons, and a nested field counts for its top-level one', () => {
    const shown = fieldErrorsOf(problem([{ field: 'location.lat', reasons: ['must not be greater than 90', 'must be a number'] }]), ['location']);
    expect(shown.fields).toEqual({ location: 'must not be greater than 90; must be a number' });
  });

  it('keeps what names no field of the form as the form message', () => {
    const shown = fieldErrorsOf(problem([{ field: 'version', reasons: ['stale'] }], 'The case changed'), ['reason']);
    expect(shown).toEqual({ fields: {}, form: 'The case changed — version: stale' });
  });

  it('shows the detail of a problem without field errors', () => {
    expect(fieldErrorsOf(problem(undefined, 'You may not dispatch this case'), ['reason'])).toEqual({ fields: {}, form: 'You may not dispatch this case' });
  });
});

describe(ApiClient.name, () => {
  it('throws the problem+json answer as an ApiError and sends the token', async () => {
    const answer = problem([{ field: 'reason', reasons: ['is required'] }]);
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(answer), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const client = new ApiClient(() => 'tok');
    const error = await client.post('/incidents/1/actions/reject', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(answer);
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/incidents/1/actions/reject', expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer tok' }) }));
    vi.unstubAllGlobals();
  });

  it('signs out on 401 and makes a problem of an answer that is not problem+json', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 401, statusText: 'Unauthorized' })));
    const signOut = vi.fn();
    const error = (await new ApiClient(() => null, signOut).get('/incidents').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(signOut).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
