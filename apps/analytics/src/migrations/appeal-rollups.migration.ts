import { APPEAL_ROLLUPS } from '../projection/appeal-rollups';
import { rollupMigration } from './rollup-migration';

/**
 * The appeal projection's daily roll-ups (`projection/appeal-rollups.ts`): their tables, the statement triggers that
 * keep them on `appeal_projection`, and what it already holds rolled up.
 */
export const AppealRollupsMigration = rollupMigration('20261202100000_appeal_rollups', APPEAL_ROLLUPS);
