import { ACTIVITY_PHOTO_LIMITS } from '@gridline/contracts-party-building';
import { photoLimitProblem, photoProblem } from './activity-photo-rules';

describe('activity photo rules', () => {
  it('takes photos once the report is submitted, never for a cancelled activity', () => {
    expect(photoProblem({ status: 'scheduled', reportedAt: new Date() })).toBeNull();
    expect(photoProblem({ status: 'scheduled', reportedAt: null })).toContain('report is not submitted');
    expect(photoProblem({ status: 'cancelled', reportedAt: null })).toBe('the activity is cancelled');
  });

  it('keeps at most maxPerReport photos, counting those held and those being added', () => {
    const max = ACTIVITY_PHOTO_LIMITS.maxPerReport;
    expect(photoLimitProblem(0, 4)).toBeNull();
    expect(photoLimitProblem(max - 2, 2)).toBeNull();
    expect(photoLimitProblem(max - 1, 2)).toBe(`a report keeps at most ${max} photos (it has ${max - 1})`);
    expect(photoLimitProblem(max, 1)).not.toBeNull();
  });
});
