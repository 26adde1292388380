import type { Caller } from '@gridline/auth';
import type { PersonalDataCipher, TransactionRunner } from '@gridline/persistence';
import type { HotlineConfig } from '../../../hotline.config';
import { NO_NAMES, type ReferenceKind, type ReferenceRecordOf, type ReferenceRepository, type RegistryReference } from '@gridline/registry-reference';
import type { WorkingDeadlines } from '../../../reference/working-deadlines';
import type { AppealJournal } from '../../appeal-journal';
import { AppealEntity } from '../../appeal.entity';
import type { AppealRepository } from '../../appeal.repository';
import { ActOnAppealCommand } from './act-on-appeal.command';
import { ActOnAppealUseCase } from './act-on-appeal.use-case';

import { DefaultAppealOwner } from '../../appeal-owner';
import { appealNotFound } from '../../appeal.errors';

const STREET = '370502003';
const GRID = '370502003001001';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const HOUR = 3_600_000;

/** The use case with exactly its repositories and clients replaced; `inside` says whether a transaction is open. */
function setup(copies: Partial<Record<`${ReferenceKind}:${string}`, Partial<ReferenceRecordOf[ReferenceKind]>>> = {}) {
  const state = { inside: false, asked: [] as { codes: unknown; inside: boolean }[], flushed: 0 };
  const appeal = Object.assign(new AppealEntity(), {
    id: 'a1', workOrder: '12345-20261201-000001', status: 'received', channel: 'phone', type: 'complaint', content: '路灯不亮', categoryCode: 'ENV.GARBAGE',
    gridCode: GRID, path: [STREET, '370502003001', GRID], urgency: 'general', operator: 'operator-1', receivedAt: new Date(), version: 1,
  });
  const findVisible = jest.fn(async (_caller: Caller, id: string) => {
    if (id !== appeal.id) throw appealNotFound(id);
    return appeal;
  });
  const appeals = { findVisible, flagOthers: jest.fn(async () => 0), flush: jest.fn(async () => void state.flushed++) };
  const transactions = { run: async <T>(work: () => Promise<T>) => { state.inside = true; try { return await work(); } finally { state.inside = false; } } };
  const reference = { prefetch: jest.fn(async (codes: unknown) => void state.asked.push({ codes, inside: state.inside })) };
  const copy = { get: jest.fn(async (kind: ReferenceKind, code: string) => copies[`${kind}:${code}`] ?? null), names: async () => NO_NAMES };
  const deadlines = { after: jest.fn(async (from: Date, { amount }: { amount: number }) => ({ deadline: new Date(from.getTime() + amount * HOUR), provisional: false, provisionalYears: [] })) };
  const journal = { record: jest.fn() };
  const config = { HOTLINE_SIGN_WORKING_HOURS: 2, HOTLINE_CONTACT_WORKING_HOURS: 4, HOTLINE_ANSWER_DAYS_CONSULTATION: 3, HOTLINE_ANSWER_DAYS_OTHER: 13 } as HotlineConfig;
  const useCase = new ActOnAppealUseCase(
    appeals as unknown as AppealRepository,
    transactions as unknown as TransactionRunner,
    {} as PersonalDataCipher,
    copy as unknown as ReferenceRepository,
    reference as unknown as RegistryReference,
    deadlines as unknown as WorkingDeadlines,
    journal as unknown as AppealJournal,
    new DefaultAppealOwner(copy as unknown as ReferenceRepository),
    config,
  );
  return { useCase, appeal, appeals, reference, deadlines, journal, state };
}

describe(ActOnAppealUseCase.name, () => {
  it('reads the codes a dispatch names into the copy before its transaction, and nothing of the registry inside it', async () => {
    const { useCase, reference, state, journal } = setup({ 'department:URBAN_MGMT': { code: 'URBAN_MGMT', active: true } });
    const view = await useCase.execute(new ActOnAppealCommand(OPERATOR, 'a1', 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } }));
    expect(view).toMatchObject({ status: 'dispatched', lead: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    expect(reference.prefetch).toHaveBeenCalledTimes(1);
    expect(state.asked).toEqual([{ codes: { category: [undefined], department: ['URBAN_MGMT'], unit: [undefined] }, inside: false }]);
    expect(state.flushed).toBe(1);
    expect(journal.record).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }), expect.objectContaining({ action: 'dispatch', from: 'received' }), 'dispatched', undefined);
  });

  it('says on the dispatch’s timeline entry who was given the appeal, why, and the answer deadline it starts', async () => {
    const { useCase, journal, appeal } = setup({ 'department:URBAN_MGMT': { code: 'URBAN_MGMT', active: true } });
    await useCase.execute(new ActOnAppealCommand(OPERATOR, 'a1', 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } }));
    const [, entry] = journal.record.mock.calls.find(([, e]) => e.action === 'dispatch')!;
    expect(entry.details).toEqual({ lead: 'URBAN_MGMT', why: 'chosen', coOwners: null, answerDueAt: appeal.answerDueAt!.toISOString() });
  });

  it('counts the signing-for, contact and answer deadlines on the working calendar from the dispatch, the answer by the category’s limit', async () => {
    const { useCase, deadlines, appeal } = setup({
      'department:URBAN_MGMT': { code: 'URBAN_MGMT', active: true },
      'category:ENV.GARBAGE': { code: 'ENV.GARBAGE', active: true, parentCode: 'ENV', owner: null, handleLimit: { amount: 5, unit: 'working_days' } },
    });
    const before = Date.now();
    const view = await useCase.execute(new ActOnAppealCommand(OPERATOR, 'a1', 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } }));
    expect(deadlines.after.mock.calls.map(([, limit]) => limit)).toEqual([
      { amount: 2, unit: 'working_hours' },
      { amount: 4, unit: 'working_hours' },
      { amount: 5, unit: 'working_days' },
    ]);
    const dispatchedAt = appeal.dispatchedAt!.getTime();
    expect(dispatchedAt).toBeGreaterThanOrEqual(before);
    expect([appeal.signDueAt!.getTime(), appeal.contactDueAt!.getTime(), appeal.answerDueAt!.getTime()].map((t) => (t - dispatchedAt) / HOUR)).toEqual([2, 4, 5]);
    expect(view.dueProvisional).toBe(false);
  });

  it('refuses a department the copy does not hold as active, naming the field, and stores nothing', async () => {
    const { useCase, appeals } = setup({ 'department:OLD_OFFICE': { code: 'OLD_OFFICE', active: false } });
    for (const code of ['OLD_OFFICE', 'NOPE']) {
      await expect(useCase.execute(new ActOnAppealCommand(OPERATOR, 'a1', 'dispatch', { lead: { departmentCode: code } }))).rejects.toMatchObject({
        code: 'APPEAL_INVALID',
        details: { fields: [{ field: 'lead.departmentCode', reasons: [`${code} is not an active department of the responsibility list`] }] },
      });
    }
    expect(appeals.flush).not.toHaveBeenCalled();
  });

  it('asks nothing of the registry for a step that names no code', async () => {
    const { useCase, reference } = setup();
    await useCase.execute(new ActOnAppealCommand(OPERATOR, 'a1', 'flag', { reason: '恶意重复来电' }));
    expect(reference.prefetch).not.toHaveBeenCalled();
  });
});
