import type { Client } from 'pg';
import { rollupSelect, type Rollup } from '../projection/rollups';

/** What a roll-up's rows are compared on: the key and the measures (a unit's depth and path say where it was when first written). */
const compared = (r: Rollup) => ['unit', 'leaf', 'department', ...Object.keys(r.keys), ...Object.keys(r.measures)].join(', ');
const notAllZero = (r: Rollup, alias = '') => `(${Object.keys(r.measures).map((m) => `${alias}${m}`).join(', ')}) is distinct from (${Object.keys(r.measures).map(() => '0').join(', ')})`;
/** The roll-up's rows that are not all zero (a row whose source rows all went keeps its key with zeros). */
const held = (r: Rollup) => `select ${compared(r)} from analytics.${r.table} where ${notAllZero(r)}`;
/** The same rolled up afresh from the source's rows, without the groups that sum to zero. */
const fresh = (r: Rollup) => `select ${compared(r)} from (${rollupSelect(r, `select 1 as sign, n.* from analytics.${r.source} n`)}) f where ${notAllZero(r, 'f.')}`;

/**
 * The roll-ups' rows, as their statement triggers kept them, against rolling up their sources afresh (schema
 * `analytics` of the test's database): for each, the rows held and not fresh and those fresh and not held — both
 * empty when the triggers kept it exactly.
 */
export async function rollupDifferences(db: Client, rollups: readonly Rollup[]): Promise<{ table: string; extra: unknown[]; missing: unknown[] }[]> {
  const differences = [];
  for (const r of rollups) {
    const extra = await db.query(`(${held(r)}) except all (${fresh(r)})`);
    const missing = await db.query(`(${fresh(r)}) except all (${held(r)})`);
    differences.push({ table: r.table, extra: extra.rows, missing: missing.rows });
  }
  return differences;
}

/** No difference: what `rollupDifferences` answers of roll-ups kept exactly. */
export const noDifferences = (rollups: readonly Rollup[]) => rollups.map((r) => ({ table: r.table, extra: [], missing: [] }));
