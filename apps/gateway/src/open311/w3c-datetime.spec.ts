import { parseW3cDateTime, toChinaMinutes, toW3cDateTime } from './w3c-datetime';

describe(toW3cDateTime.name, () => {
  it('answers China time with its offset, to the second', () => {
    expect(toW3cDateTime('2026-11-27T02:15:00.123Z')).toBe('2026-11-27T10:15:00+08:00');
    expect(toW3cDateTime(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
    expect(toW3cDateTime(null)).toBeNull();
  });

  it('writes minutes for notices', () => {
    expect(toChinaMinutes('2026-11-27T02:15:59Z')).toBe('2026-11-27 10:15');
  });
});

describe(parseW3cDateTime.name, () => {
  const iso = (text: string) => parseW3cDateTime(text)?.toISOString() ?? null;

  it('reads the W3C forms with a zone', () => {
    expect(iso('2010-01-01T00:00:00Z')).toBe('2010-01-01T00:00:00.000Z');
    expect(iso('1994-11-05T08:15:30-05:00')).toBe('1994-11-05T13:15:30.000Z');
    expect(iso('2026-11-27T10:15+08:00')).toBe('2026-11-27T02:15:00.000Z');
    expect(iso('2026-11-27T10:15:30.5+08:00')).toBe('2026-11-27T02:15:30.500Z');
  });

  it('takes a date without a time as midnight China time', () => {
    expect(iso('2026-11-27')).toBe('2026-11-26T16:00:00.000Z');
    expect(iso('2026-11')).toBe('2026-10-31T16:00:00.000Z');
    expect(iso('2026')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('reads a space where an unencoded + was', () => {
    expect(iso('2026-11-27T10:15:00 08:00')).toBe('2026-11-27T02:15:00.000Z');
  });

  it('refuses a time without its zone, other formats and dates that are not on the calendar', () => {
    for (const text of ['2026-11-27T10:15:00', '2026/11/27', '27.11.2026', '2026-02-30', '2026-11-27T24:00:00Z', '2026-13-01', 'yesterday', '']) {
      expect({ text, parsed: iso(text) }).toEqual({ text, parsed: null });
    }
  });
});
