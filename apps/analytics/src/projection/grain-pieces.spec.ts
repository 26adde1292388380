import fc from 'fast-check';
import { chinaDays, grainPieces, type GrainPiece } from './grain-pieces';

const DAY_MS = 86_400_000;
const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
const num = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** How often each day counts in the pieces: a day counts in a piece when its bucket's first day is in the piece. */
function coverage(pieces: GrainPiece[], first: number, last: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let d = first; d <= last; d++) {
    const at = new Date(d * DAY_MS);
    const starts = { day: iso(d), month: iso(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1) / DAY_MS), year: `${at.getUTCFullYear()}-01-01` };
    const n = pieces.reduce((sum, p) => sum + (starts[p.grain] >= p.from && starts[p.grain] < p.to ? p.sign : 0), 0);
    if (n !== 0) counts.set(iso(d), n);
  }
  return counts;
}

describe(grainPieces.name, () => {
  it('counts every day of the period once and no other day, whatever the period and today', () => {
    const day = fc.integer({ min: num('2024-01-01'), max: num('2027-12-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), day, (from, length, today) => {
        const pieces = grainPieces(iso(from), iso(from + length), iso(today));
        const expected = new Map(Array.from({ length }, (_, i) => [iso(from + i), 1]));
        expect(coverage(pieces, num('2023-01-01'), num('2029-12-31'))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a year ending today as the year so far and the month before without its first days', () => {
    expect(grainPieces('2025-12-02', '2026-12-02', '2026-12-01')).toEqual(
      expect.arrayContaining([
        { grain: 'year', from: '2026-01-01', to: '2027-01-01', sign: 1 },
        { grain: 'month', from: '2025-12-01', to: '2026-01-01', sign: 1 },
        { grain: 'day', from: '2025-12-01', to: '2025-12-02', sign: -1 },
      ]),
    );
  });

  it('reads a short period of the past as its days', () => {
    expect(grainPieces('2026-10-11', '2026-10-14', '2026-12-01')).toEqual([{ grain: 'day', from: '2026-10-11', to: '2026-10-14', sign: 1 }]);
  });

  it('takes whole China days from the instants, refusing a bound inside a day', () => {
    expect(chinaDays({ start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') })).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(() => chinaDays({ start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-11-30T16:00:00Z') })).toThrow(/whole China days/);
  });
});
