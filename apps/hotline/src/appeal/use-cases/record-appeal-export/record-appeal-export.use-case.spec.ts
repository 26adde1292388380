import type { Caller } from '@gridline/auth';
import { AppError, ExportErrorCode } from '@gridline/platform';
import { ExportAuditRepository, type PersonalDataCipher } from '@gridline/persistence';
import type { AppealRepository } from '../../appeal.repository';
import { RecordAppealExportCommand } from './record-appeal-export.command';
import { RecordAppealExportUseCase } from './record-appeal-export.use-case';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const PHONE = '13805469999';

/** The use case with its repositories faked: `matching` appeals match whatever is asked. */
function setup(matching: number) {
  const appeals = { count: jest.fn(async () => matching) };
  // The repository's own recordExport (filters kept and masked, the 422) over a faked insert.
  const audit = Object.assign(Object.create(ExportAuditRepository.prototype) as ExportAuditRepository, { record: jest.fn(async () => '7') });
  const cipher = { blindIndex: jest.fn((_kind: string, value: string) => `idx(${value.length})`) };
  const useCase = new RecordAppealExportUseCase(appeals as unknown as AppealRepository, cipher as unknown as PersonalDataCipher, audit);
  return { useCase, appeals, audit, cipher };
}

describe(RecordAppealExportUseCase.name, () => {
  it('counts with the list’s conditions in the caller’s scope and audits the filters, a phone only as masked', async () => {
    const { useCase, appeals, audit } = setup(3);
    const answer = await useCase.execute(new RecordAppealExportCommand(OPERATOR, { format: 'csv', maxRows: 10, phone: PHONE, status: 'received', page: 2, pageSize: 20 }));
    expect(answer).toEqual({ id: '7', rows: 3 });
    const [where] = appeals.count.mock.calls[0] as unknown as [{ $and: object[] }];
    // The scope first (the caller's units and the appeals they lead), then the filters; the phone through its keyed hash.
    expect(where.$and).toEqual([{ $or: [{ path: { $overlap: [STREET] } }, { leadKey: { $in: [STREET] } }] }, { status: 'received' }, { callerPhoneIndex: 'idx(11)' }]);
    expect(audit.record).toHaveBeenCalledWith({ actor: 'operator-1', actorRoles: ['hotline_operator'], list: 'appeals', format: 'csv', filters: { phone: 'masked', status: 'received' }, rows: 3, correlationId: null });
    expect(JSON.stringify(audit.record.mock.calls)).not.toContain(PHONE);
  });

  it('refuses more rows than maxRows with EXPORT_TOO_MANY_ROWS naming the filters, and records nothing', async () => {
    const { useCase, audit } = setup(11);
    const error = await useCase.execute(new RecordAppealExportCommand(OPERATOR, { format: 'xlsx', maxRows: 10, owner: 'URBAN_MGMT', phone: PHONE })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: ExportErrorCode.TooManyRows, kind: 'rule_violation', details: { rows: 11, maxRows: 10, filters: { owner: 'URBAN_MGMT', phone: 'masked' } } });
    expect((error as AppError).message).toContain('owner, phone');
    expect((error as AppError).message).not.toContain(PHONE);
    expect(audit.record).not.toHaveBeenCalled();
  });
});
