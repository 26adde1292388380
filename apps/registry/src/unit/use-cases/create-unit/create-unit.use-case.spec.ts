import type { TransactionRunner } from '@gridline/persistence';
import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { REGISTRY_EVENTS, type CreateUnitRequest } from '@gridline/contracts-registry';
import type { Outbox } from '@gridline/messaging';
import { UnitEntity } from '../../unit.entity';
import type { UnitRepository } from '../../unit.repository';
import type { UnitBoundaryRules } from '../../unit-boundary.rules';
import { CreateUnitCommand } from './create-unit.command';
import { CreateUnitUseCase } from './create-unit.use-case';

const ADMIN: Caller = { sub: 'a', roles: ['admin'], units: [] };
const square = { type: 'Polygon' as const, coordinates: [[[118.5, 37.4], [118.51, 37.4], [118.51, 37.41], [118.5, 37.41], [118.5, 37.4]] as [number, number][]] };

function unit(code: string, level: UnitEntity['level'], path: string[]): UnitEntity {
  return Object.assign(new UnitEntity(), { code, name: code, level, path });
}

/** A repository holding a street and a community, and an outbox that makes event rows. */
function setup(existing: UnitEntity[] = [unit('370502003', 'street', ['370502003']), unit('370502003001', 'community', ['370502003', '370502003001'])]) {
  const transactions = { open: false, run: jest.fn(async (work: () => Promise<unknown>) => { transactions.open = true; try { return await work(); } finally { transactions.open = false; } }) };
  const units = {
    findByCodes: jest.fn(async (codes: string[]) => existing.filter((u) => codes.includes(u.code))),
    create: (data: Partial<UnitEntity>) => Object.assign(new UnitEntity(), data),
    insert: jest.fn(async (_unit: UnitEntity, _events: unknown[]) => ({ inTransaction: transactions.open })),
  };
  const events = { row: jest.fn((...args: unknown[]) => ({ event: args })) };
  const boundaries = { assertFits: jest.fn(async () => undefined) };
  const useCase = new CreateUnitUseCase(units as unknown as UnitRepository, boundaries as unknown as UnitBoundaryRules, events as unknown as Outbox, transactions as unknown as TransactionRunner);
  return { useCase, units, events, transactions, boundaries };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe(CreateUnitUseCase.name, () => {
  const grid: CreateUnitRequest = { code: '370502003001001', name: '一网格', level: 'grid', parentCode: '370502003001', boundary: square };

  it('stores a grid beneath its community with its unit.created row, checked against the map in one transaction', async () => {
    const { useCase, events, units, boundaries } = setup();
    const view = await useCase.execute(new CreateUnitCommand(ADMIN, grid));
    expect(units.findByCodes).toHaveBeenCalledTimes(1);
    expect(boundaries.assertFits).toHaveBeenCalledWith(ADMIN, expect.objectContaining({ code: grid.code, boundary: square, minLng: 118.5, maxLat: 37.41 }), { boundary: true, activated: true });
    expect(view).toMatchObject({ code: grid.code, path: ['370502003', '370502003001', grid.code], boundary: square });
    expect(events.row).toHaveBeenCalledWith(REGISTRY_EVENTS.unitCreated, grid.code, {
      unit: expect.objectContaining({ code: grid.code, level: 'grid', hasBoundary: true }),
    });
    expect(units.insert).toHaveBeenCalledTimes(1);
    expect(units.insert.mock.calls[0][1]).toEqual([events.row.mock.results[0].value]);
    await expect(units.insert.mock.results[0].value).resolves.toEqual({ inTransaction: true });
  });

  it('stores a community without a boundary in its one statement, with no transaction around it', async () => {
    const { useCase, units, transactions } = setup();
    const view = await useCase.execute(new CreateUnitCommand(ADMIN, { code: '370502003002', name: '二社区', level: 'community', parentCode: '370502003' }));
    expect(view).toMatchObject({ code: '370502003002', path: ['370502003', '370502003002'], boundary: null });
    expect(transactions.run).not.toHaveBeenCalled();
    await expect(units.insert.mock.results[0].value).resolves.toEqual({ inTransaction: false });
  });

  it('refuses a boundary larger than its level allows, naming the field', async () => {
    const { useCase, transactions } = setup();
    const huge = { type: 'Polygon' as const, coordinates: [[[118.4, 37.4], [118.5, 37.4], [118.5, 37.5], [118.4, 37.5], [118.4, 37.4]] as [number, number][]] };
    const error = (await useCase.execute(new CreateUnitCommand(ADMIN, { ...grid, boundary: huge })).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'validation', details: { fields: [{ field: 'boundary', reasons: [expect.stringMatching(/more than the 10 km² allowed for a grid$/)] }] } });
    expect(transactions.run).not.toHaveBeenCalled();
  });

  it('refuses a grid whose parent is a street', async () => {
    const { useCase, transactions } = setup();
    expect(await codeOf(useCase.execute(new CreateUnitCommand(ADMIN, { ...grid, code: '370502003001009', parentCode: '370502003' })))).toBe('UNIT_PARENT_INVALID');
    expect(transactions.run).not.toHaveBeenCalled();
  });

  it('refuses a code of the wrong length for its level', async () => {
    const { useCase } = setup();
    expect(await codeOf(useCase.execute(new CreateUnitCommand(ADMIN, { ...grid, code: '370502003001' })))).toBe('UNIT_CODE_INVALID');
  });

  it('refuses a street with a parent and a street created by anyone but an admin', async () => {
    const { useCase } = setup([]);
    const street: CreateUnitRequest = { code: '370502004', name: '新街道', level: 'street' };
    expect(await codeOf(useCase.execute(new CreateUnitCommand(ADMIN, { ...street, parentCode: '370502003' })))).toBe('UNIT_PARENT_INVALID');
    expect(await codeOf(useCase.execute(new CreateUnitCommand({ sub: 's', roles: ['street_admin'], units: ['370502003'] }, street)))).toBe('FORBIDDEN');
  });

  it('refuses a community admin outside their community, and grid staff anywhere', async () => {
    const { useCase } = setup();
    const otherAdmin: Caller = { sub: 'c', roles: ['community_admin'], units: ['370502003002'] };
    expect(await codeOf(useCase.execute(new CreateUnitCommand(otherAdmin, grid)))).toBe('UNIT_OUT_OF_SCOPE');
    const staff: Caller = { sub: 'g', roles: ['grid_staff'], units: ['370502003001'] };
    expect(await codeOf(useCase.execute(new CreateUnitCommand(staff, grid)))).toBe('FORBIDDEN');
  });

  it('refuses a code that exists, before storing anything', async () => {
    const { useCase, transactions, units } = setup();
    expect(await codeOf(useCase.execute(new CreateUnitCommand(ADMIN, { code: '370502003001', name: 'x', level: 'community', parentCode: '370502003' })))).toBe('UNIT_CODE_TAKEN');
    expect(transactions.run).not.toHaveBeenCalled();
    expect(units.insert).not.toHaveBeenCalled();
  });
});
