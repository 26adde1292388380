import { AppError, chinaDay } from '@gridline/platform';
import { assertNotInFuture } from './china-day';

describe(chinaDay.name, () => {
  it('counts the day in China, eight hours ahead of UTC', () => {
    expect(chinaDay(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaDay(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });
});

describe(assertNotInFuture.name, () => {
  const now = new Date('2026-11-27T16:30:00Z'); // 2026-11-28 00:30 in China

  it('accepts today and earlier days in China', () => {
    expect(() => assertNotInFuture('date', '2026-11-28', now)).not.toThrow();
    expect(() => assertNotInFuture('date', '2025-01-01', now)).not.toThrow();
  });

  it('refuses a later day, naming the field', () => {
    try {
      assertNotInFuture('date', '2026-11-29', now);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual({ fields: [{ field: 'date', reasons: ['must not be in the future'] }] });
    }
  });
});
