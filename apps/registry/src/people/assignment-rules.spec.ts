import { isCalendarDate } from './assignment-rules';
import { chinaDay } from '@gridline/platform';

describe('assignment rules', () => {
  it('judges today in China, whatever the server zone', () => {
    expect(chinaDay(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(chinaDay(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-1')).toBe(false);
  });
});
