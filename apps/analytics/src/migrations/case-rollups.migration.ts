import { CASE_ROLLUPS, RETIRED_CASE_ROLLUPS } from '../projection/rollups';
import { rollupMigration } from './rollup-migration';

/**
 * The case projection's roll-ups (`projection/rollups.ts`): their tables, the statement triggers that keep them on
 * `case_fact`, `case_step` and `case_projection`, and what those tables already hold rolled up. It first made daily
 * roll-ups (`RETIRED_CASE_ROLLUPS`); on a fresh database it makes today's shapes, which `GrainedCaseRollupsMigration`
 * then makes again.
 */
export const CaseRollupsMigration = rollupMigration('20261202090000_case_rollups', CASE_ROLLUPS);

/**
 * The case roll-ups by day, month and year (facts, ended steps, closed cases and their hours) and by the day a span
 * ends (the steps that can be late, the open cases), in place of the daily ones: a year's figures sum a few buckets,
 * and what is open at a day is one index range.
 */
export const GrainedCaseRollupsMigration = rollupMigration('20261203090000_grained_case_rollups', CASE_ROLLUPS, [...RETIRED_CASE_ROLLUPS]);
