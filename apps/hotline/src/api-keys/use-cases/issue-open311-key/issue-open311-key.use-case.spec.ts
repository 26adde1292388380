import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { hashApiKey } from '../../open311-key';
import type { Open311KeyRepository } from '../../open311-key.repository';
import { IssueOpen311KeyCommand } from './issue-open311-key.command';
import { IssueOpen311KeyUseCase } from './issue-open311-key.use-case';

const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };

function setup(replaced = false) {
  const keys = { upsert: jest.fn(async () => ({ replaced })) };
  return { useCase: new IssueOpen311KeyUseCase(keys as unknown as Open311KeyRepository), keys };
}

describe(IssueOpen311KeyUseCase.name, () => {
  it('answers a new random key once and stores only its SHA-256 hash', async () => {
    const { useCase, keys } = setup();
    const issued = await useCase.execute(new IssueOpen311KeyCommand(ADMIN, { application: 'dongying-app' }));
    expect(issued).toEqual({ application: 'dongying-app', apiKey: expect.stringMatching(/^o311_[A-Za-z0-9_-]{43}$/), issuedAt: expect.any(String), replaced: false });
    expect(keys.upsert).toHaveBeenCalledWith('dongying-app', hashApiKey(issued.apiKey), 'admin-1', expect.any(Date));
    expect(JSON.stringify(keys.upsert.mock.calls)).not.toContain(issued.apiKey);
    expect((await useCase.execute(new IssueOpen311KeyCommand(ADMIN, { application: 'dongying-app' }))).apiKey).not.toBe(issued.apiKey);
  });

  it('says when the application’s old key was replaced', async () => {
    expect((await setup(true).useCase.execute(new IssueOpen311KeyCommand(ADMIN, { application: 'dongying-app' }))).replaced).toBe(true);
  });

  it('refuses anyone but an admin', async () => {
    const { useCase, keys } = setup();
    const error = await useCase.execute(new IssueOpen311KeyCommand({ sub: 'op', roles: ['hotline_operator'], units: ['370502003'] }, { application: 'x1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('forbidden');
    expect(keys.upsert).not.toHaveBeenCalled();
  });
});
