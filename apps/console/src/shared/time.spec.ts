import { describe, expect, it } from 'vitest';
import { formatInstant } from './time';

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
