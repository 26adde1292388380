import { APPEAL_HOTSPOT_ROLLUPS, CASE_HOTSPOT_ROLLUPS } from '../projection/hotspot-rollups';
import { rollupMigration } from './rollup-migration';

/**
 * The hot spots' and trends' roll-ups of the case and appeal projections (`projection/hotspot-rollups.ts`): their
 * tables, the statement triggers that keep them on `case_projection` and `appeal_projection`, and what those tables
 * already hold rolled up.
 */
export const HotspotRollupsMigration = rollupMigration('20261202120000_hotspot_rollups', [...CASE_HOTSPOT_ROLLUPS, ...APPEAL_HOTSPOT_ROLLUPS]);
