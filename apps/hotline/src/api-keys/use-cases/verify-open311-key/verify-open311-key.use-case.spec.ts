import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { Open311ErrorCode } from '@gridline/contracts-hotline';
import { hashApiKey } from '../../open311-key';
import { Open311KeyEntity } from '../../open311-key.entity';
import type { Open311KeyRepository } from '../../open311-key.repository';
import { VerifyOpen311KeyQuery } from './verify-open311-key.query';
import { VerifyOpen311KeyUseCase } from './verify-open311-key.use-case';

const OPEN311: Caller = { sub: 'open311', roles: ['hotline_operator'], units: ['370502003'] };
const stored = Object.assign(new Open311KeyEntity(), { application: 'dongying-app', keyHash: hashApiKey('o311_right'), issuedBy: 'admin-1' });

function setup() {
  const keys = { findByHash: jest.fn(async (hash: string) => (hash === stored.keyHash ? stored : null)) };
  return new VerifyOpen311KeyUseCase(keys as unknown as Open311KeyRepository);
}

describe(VerifyOpen311KeyUseCase.name, () => {
  it('names the application of a known key', async () => {
    expect(await setup().execute(new VerifyOpen311KeyQuery(OPEN311, 'o311_right'))).toEqual({ application: 'dongying-app' });
  });

  it('refuses an unknown key as forbidden, and callers that are not the hotline', async () => {
    const unknown = await setup().execute(new VerifyOpen311KeyQuery(OPEN311, 'o311_wrong')).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: Open311ErrorCode.KeyInvalid, kind: 'forbidden' });
    const stranger = await setup().execute(new VerifyOpen311KeyQuery({ sub: 's', roles: ['grid_staff'], units: [] }, 'o311_right')).catch((e: unknown) => e);
    expect(stranger).toBeInstanceOf(AppError);
    expect((stranger as AppError).kind).toBe('forbidden');
  });
});
