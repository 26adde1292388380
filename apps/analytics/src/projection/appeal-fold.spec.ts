import fc from 'fast-check';
import type { AppealEventData } from '@gridline/contracts-hotline';
import { appealEventData } from '@gridline/testing';
import { hexCells } from '../hotspots/hex-cells';
import { appealFromEvent, applyAppealEvent, type AppealRecord } from './appeal-fold';

const PATH = ['370502003', '370502003001', '370502003001001'];
const DEPT = { kind: 'department', departmentCode: 'URBAN_MGMT' } as const;
/** 2 November 2026, China time. */
const t = (time: string) => new Date(`2026-11-02T${time}:00+08:00`).toISOString();

function appeal(at: string, data: Partial<AppealEventData> = {}): AppealEventData {
  return appealEventData('appeal-1', at, {
    categoryCode: 'ENV.GARBAGE', gridCode: PATH[2], path: PATH, summary: '门口垃圾 王芳 13805461234', location: { lat: 36.1, lng: 117.1, address: '文汇路1号' }, receivedAt: t('08:00'), ...data,
  });
}

/** An appeal dispatched to a department, signed late, answered, rated dissatisfied and re-handled, answered again, closed. */
const walk = [
  appeal(t('08:05')),
  appeal(t('09:00'), { status: 'dispatched', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), answerDueAt: t('17:00') }),
  appeal(t('12:00'), { status: 'signed', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), signedAt: t('12:00'), answerDueAt: t('17:00') }),
  appeal(t('13:00'), { status: 'answered', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), signedAt: t('12:00'), answerDueAt: t('17:00'), answeredAt: t('13:00'), resolution: 'partly_resolved' }),
  appeal(t('14:00'), { status: 'signed', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), signedAt: t('12:00'), answerDueAt: t('18:00'), satisfaction: 'dissatisfied', reopenCount: 1 }),
  appeal(t('15:00'), { status: 'answered', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), signedAt: t('12:00'), answerDueAt: t('18:00'), answeredAt: t('15:00'), resolution: 'resolved', satisfaction: 'dissatisfied', reopenCount: 1 }),
  appeal(t('16:00'), { status: 'closed', lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), signedAt: t('12:00'), answerDueAt: t('18:00'), answeredAt: t('15:00'), resolution: 'resolved', satisfaction: 'satisfied', reopenCount: 1 }),
];
const fold = (events: AppealEventData[]) => events.map(appealFromEvent).reduce<AppealRecord | null>(applyAppealEvent, null)!;

describe(applyAppealEvent.name, () => {
  it('keeps the newest state: the lead, the dates the rates count, the rating and the re-handling', () => {
    const record = fold(walk);
    expect(record).toMatchObject({ status: 'closed', leadKind: 'department', leadCode: 'URBAN_MGMT', leadLevel: null, resolution: 'resolved', satisfaction: 'satisfied', reopenCount: 1, unitPath: PATH, gridCode: PATH[2] });
    expect(record.receivedAt.toISOString()).toBe(t('08:00'));
    expect(record.signedAt!.getTime()).toBeGreaterThan(record.signDueAt!.getTime());
    expect(record.answeredAt!.toISOString()).toBe(t('15:00'));
    expect(record.closedAt!.toISOString()).toBe(t('16:00'));
    expect(record.lastEventAt.toISOString()).toBe(t('16:00'));
  });

  it('clears the answer when a dissatisfied callback reopens the appeal', () => {
    const record = fold(walk.slice(0, 5));
    expect(record).toMatchObject({ status: 'signed', answeredAt: null, resolution: null, satisfaction: 'dissatisfied', reopenCount: 1, closedAt: null });
  });

  it('leaves the same appeal whatever order the events come in, and however often (fixed seed)', () => {
    const expected = fold(walk);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: walk.length - 1 }), { maxLength: 10 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (copies, keys) => {
        const shuffled = [...walk, ...copies.map((i) => walk[i])].map((e) => ({ e, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.e);
        expect(fold(shuffled)).toEqual(expected);
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });

  it('never lets an older event replace a newer one', () => {
    const record = fold([walk[3], walk[1]]);
    expect(record).toMatchObject({ status: 'answered', answeredAt: new Date(t('13:00')) });
  });

  it('dates the closure by the first event that says closed, whichever arrives first', () => {
    const closed = walk[6];
    const later = { ...closed, at: t('17:00') }; // e.g. the same step's second event, a moment later
    expect(fold([later, closed, walk[0]]).closedAt!.toISOString()).toBe(t('16:00'));
    expect(fold([closed, later]).closedAt!.toISOString()).toBe(t('16:00'));
  });

  it('keeps a returned appeal without a lead (it counts for no owner until dispatched again)', () => {
    const returned = appeal(t('10:00'), { status: 'received', dispatchedAt: t('09:00'), returnCount: 1 });
    expect(fold([walk[1], returned])).toMatchObject({ status: 'received', leadCode: null, leadKind: null, returnCount: 1, signDueAt: null, dispatchedAt: new Date(t('09:00')) });
  });

  it('keeps no personal data: neither the text nor the address, only the point', () => {
    const record = fold(walk);
    expect(JSON.stringify(record)).not.toMatch(/王芳|13805461234|文汇路|垃圾/);
    expect(record).toMatchObject({ lat: 36.1, lng: 117.1, h3r7: hexCells(36.1, 117.1).h3r7, h3r9: hexCells(36.1, 117.1).h3r9 });
    expect(record.h3r8).toMatch(/^88/);
  });

  it('places an appeal without a point (or a point off the globe) on no hexagon', () => {
    expect(fold([appeal(t('08:05'), { location: { lat: null, lng: null, address: '文汇路1号' } })])).toMatchObject({ lat: null, lng: null, h3r7: null, h3r8: null, h3r9: null });
    expect(fold([appeal(t('08:05'), { location: { lat: 95, lng: 117.1, address: null } })])).toMatchObject({ lat: null, h3r7: null });
    expect(fold([appeal(t('08:05'), { location: null })])).toMatchObject({ lat: null, h3r9: null });
  });

  it('takes a grid lead as a unit of its level', () => {
    const record = fold([appeal(t('09:00'), { status: 'dispatched', lead: { kind: 'unit', unitCode: PATH[2], level: 'grid' }, handoff: 1 })]);
    expect(record).toMatchObject({ leadKind: 'unit', leadCode: PATH[2], leadLevel: 'grid', handoff: 1 });
  });

  it('reads an event published before the reception and the place were carried: its own time stands for the reception', () => {
    const { path: _path, receivedAt: _received, ...earlier } = appeal(t('08:05'));
    const record = fold([earlier as AppealEventData]);
    expect(record).toMatchObject({ unitPath: [], receivedAt: new Date(t('08:05')), returnCount: 0, extensionCount: 0 });
  });
});
