import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import type { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { residentIdCheckCharacter } from '@gridline/contracts-registry';
import type { GridResolver, ResolvedGrid } from '../../grid-resolver';
import type { QualityRepository } from '../../quality.repository';
import { ImportJobEntity } from '../../register.entities';
import type { ImportRepository, ResidentMatch } from '../../imports/import.repository';
import { ImportBatchCommand } from './import-batch.command';
import { ImportBatchUseCase, OUTSIDE_SCOPE } from './import-batch.use-case';

const STREET = '370502003';
const C1 = '370502003001';
const G1 = `${C1}001`;
const G9 = '370502003009001';
const JOB = '6f1c2b8e-8a55-4f0e-9a57-0d1d1f7e2a11';
const CENTRE: Caller = { sub: 'centre', roles: ['community_admin'], units: [C1] };

function idNumber(sequence: number): string {
  const first17 = `37050219800101${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

const grid = (code: string): ResolvedGrid => ({ code, path: [STREET, code.slice(0, 12), code], level: 'grid' });

/**
 * An import repository holding one running job (of the caller) and the given residents, grids G1 (the caller's) and
 * G9 (another community's), keyed hashes that are the numbers themselves, and a runner that knows when it is open.
 */
function setup(residents: ResidentMatch[] = [], job: Partial<ImportJobEntity> = {}) {
  const transactions = { open: false, run: jest.fn(async (work: () => Promise<unknown>) => { transactions.open = true; try { return await work(); } finally { transactions.open = false; } }) };
  const insideOnly = <T>(answer: T) => jest.fn(async (..._: unknown[]) => { expect(transactions.open).toBe(true); return answer; });
  const imports = {
    findJob: jest.fn(async (id: string) => (id === JOB ? Object.assign(new ImportJobEntity(), { id: JOB, kind: 'residents', actor: CENTRE.sub, rejections: [], ...job }) : null)),
    residentsByIdIndex: insideOnly(residents),
    findOrCreateHouseholds: jest.fn(async (wanted: { grid: ResolvedGrid; address: string; room: string }[]) =>
      new Map(wanted.map((w) => [`${w.grid.code}\u0000${w.address}\u0000${w.room}`, { id: `household-${w.room}`, created: true }])),
    ),
    insertResidents: insideOnly(undefined),
    updateResidents: insideOnly(undefined),
    addBatchCounts: insideOnly(undefined),
    flush: jest.fn(),
  };
  const grids = { resolveMany: jest.fn(async (codes: string[]) => new Map([G1, G9].filter((c) => codes.includes(c)).map((c) => [c, grid(c)]))) };
  const personalData = {
    indexIdNumber: (v: string) => v,
    indexPhone: (v: string) => v,
    protectIdNumber: (v: string) => ({ enc: `enc:${v}`, index: v }),
    protectPhone: (v: string) => ({ enc: `enc:${v}`, index: v }),
  };
  const quality = { announce: insideOnly(undefined) };
  const useCase = new ImportBatchUseCase(
    imports as unknown as ImportRepository,
    grids as unknown as GridResolver,
    personalData as unknown as PersonalDataService,
    quality as unknown as QualityRepository,
    transactions as unknown as TransactionRunner,
    { maxRejections: 2 },
  );
  return { useCase, imports, quality, transactions };
}

const row = (sequence: number, over: Record<string, string> = {}) => ({ grid_code: G1, name: `居民${sequence}`, id_number: idNumber(sequence), building: '', room: '', ...over });

describe(ImportBatchUseCase.name, () => {
  it('stores the valid rows in one transaction, with the counts, and announces the grids that changed', async () => {
    const { useCase, imports, quality } = setup();
    const result = await useCase.execute(new ImportBatchCommand(CENTRE, JOB, 2, [row(1), row(2, { building: '5号楼', room: '101' })]));
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, rejections: [] });
    expect(imports.insertResidents).toHaveBeenCalledTimes(1);
    expect(imports.insertResidents.mock.calls[0][0]).toHaveLength(2);
    expect(imports.addBatchCounts).toHaveBeenCalledWith(JOB, { rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 }, []);
    expect(quality.announce).toHaveBeenCalledWith(new Set([G1]));
  });

  it('rejects a row whose ID number is a resident outside the caller\'s scope, writing nothing for it, not even its household', async () => {
    const outside: ResidentMatch = { id: 'r9', id_number_index: idNumber(1), name: '外人', phone_index: null, tags: [], household_id: null, grid_code: G9, path: grid(G9).path };
    const { useCase, imports } = setup([outside]);
    const result = await useCase.execute(new ImportBatchCommand(CENTRE, JOB, 2, [row(1, { building: '5号楼', room: '101' })]));
    expect(result.rejections).toEqual([{ row: 2, field: 'id_number', reason: OUTSIDE_SCOPE }]);
    expect(JSON.stringify(result)).not.toContain(G9);
    expect(imports.findOrCreateHouseholds).not.toHaveBeenCalled();
    expect(imports.updateResidents).not.toHaveBeenCalled();
  });

  it('reports every rejected row but keeps only as many in the job as the report may list', async () => {
    const { useCase, imports } = setup([], { rejections: [{ row: 9, field: 'name', reason: 'is required (at most 50 characters)' }] });
    const result = await useCase.execute(new ImportBatchCommand(CENTRE, JOB, 2, [row(1, { grid_code: G9 }), row(2, { name: '' }), row(3, { grid_code: '370502003001999' })]));
    expect(result.rejections.map((r) => [r.row, r.field])).toEqual([[2, 'grid_code'], [3, 'name'], [4, 'grid_code']]);
    expect(imports.addBatchCounts).toHaveBeenCalledWith(JOB, { rows: 3, created: 0, updated: 0, unchanged: 0, rejected: 3 }, [result.rejections[0]]);
  });

  it('refuses a batch for an import that is not running (409) or not the caller\'s (404), before opening a transaction', async () => {
    const finished = setup([], { status: 'completed' });
    const error = (await finished.useCase.execute(new ImportBatchCommand(CENTRE, JOB, 2, [row(1)])).catch((e: unknown) => e)) as AppError;
    expect([error.code, error.kind]).toEqual(['IMPORT_NOT_FOUND', 'conflict']);
    const other = setup();
    const unknown = (await other.useCase.execute(new ImportBatchCommand({ ...CENTRE, sub: 'someone-else' }, JOB, 2, [row(1)])).catch((e: unknown) => e)) as AppError;
    expect([unknown.code, unknown.kind]).toEqual(['IMPORT_NOT_FOUND', 'not_found']);
    expect(finished.transactions.run).not.toHaveBeenCalled();
    expect(other.transactions.run).not.toHaveBeenCalled();
  });
});
