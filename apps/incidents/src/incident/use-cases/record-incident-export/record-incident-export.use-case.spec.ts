import type { Caller } from '@gridline/auth';
import { AppError, ExportErrorCode } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import type { IncidentRepository, IncidentSql } from '../../incident.repository';
import { RecordIncidentExportCommand } from './record-incident-export.command';
import { RecordIncidentExportUseCase } from './record-incident-export.use-case';

const COMMUNITY = '370502003001';
const ADMIN: Caller = { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] };

function setup(matching: number) {
  const incidents = { count: jest.fn(async (_filter: IncidentSql) => matching) };
  // The repository's own recordExport (filters kept, the 422) over a faked insert.
  const audit = Object.assign(Object.create(ExportAuditRepository.prototype) as ExportAuditRepository, { record: jest.fn(async () => '1') });
  const useCase = new RecordIncidentExportUseCase(incidents as unknown as IncidentRepository, audit);
  return { useCase, incidents, audit };
}

describe(RecordIncidentExportUseCase.name, () => {
  it('counts the cases the caller may list with these filters and audits who, the filters (no paging) and the rows', async () => {
    const { useCase, incidents, audit } = setup(2);
    expect(await useCase.execute(new RecordIncidentExportCommand(ADMIN, { format: 'xlsx', maxRows: 5, category: 'ENV', limit: 20 }))).toEqual({ id: '1', rows: 2 });
    const [filter] = incidents.count.mock.calls[0];
    // The list's own scope condition comes with the filters (the caller's units as a parameter).
    expect(JSON.stringify(filter.scope?.params)).toContain(COMMUNITY);
    expect(audit.record).toHaveBeenCalledWith({ actor: 'community-1', actorRoles: ['community_admin'], list: 'incidents', format: 'xlsx', filters: { category: 'ENV' }, rows: 2, correlationId: null });
  });

  it('refuses more than maxRows (422, the filters named) before recording anything', async () => {
    const { useCase, audit } = setup(6);
    await expect(useCase.execute(new RecordIncidentExportCommand(ADMIN, { format: 'csv', maxRows: 5 }))).rejects.toMatchObject({ code: ExportErrorCode.TooManyRows, kind: 'rule_violation', details: { rows: 6, maxRows: 5, filters: {} } });
    await expect(useCase.execute(new RecordIncidentExportCommand(ADMIN, { format: 'csv', maxRows: 5 }))).rejects.toBeInstanceOf(AppError);
    expect(audit.record).not.toHaveBeenCalled();
  });
});
