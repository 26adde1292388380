import { describe, expect, it } from 'vitest';
import { chinaMonth, chinaToday, formatInstant } from './time';

describe('formatInstant', () => {
  it('shows an instant in China time, in the console’s language', () => {
    expect(formatInstant('2026-12-01T16:30:00.000Z', 'zh-CN')).toBe('2026/12/2 00:30');
    expect(formatInstant('2026-12-01T16:30:00.000Z', 'en')).toBe('02/12/2026, 00:30');
  });

  it('shows nothing for no instant, and a value it cannot read as it is', () => {
    expect(formatInstant(null, 'zh-CN')).toBe('');
    expect(formatInstant('soon', 'en')).toBe('soon');
  });
});

describe('chinaToday', () => {
  it('is the China day, past midnight there while still the day before in UTC', () => {
    expect(chinaToday(new Date('2026-12-01T16:30:00.000Z'))).toBe('2026-12-02');
    expect(chinaToday(new Date('2026-12-01T15:59:00.000Z'))).toBe('2026-12-01');
    expect(chinaMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
  });
});
