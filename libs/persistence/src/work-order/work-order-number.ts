import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay } from '@gridline/platform';

/**
 * Readable work-order numbers (工单号), unique per day: `<prefix>-<YYYYMMDD>-<NNNNNN>`, the day in China time, the
 * sequence from a per-day counter row in the service's own schema. The counter is taken in the caller's transaction
 * (`insert … on conflict … returning`), so a rolled-back create gives its number back and two creates never share one.
 */
export const WORK_ORDER_NUMBER = /^(12345|GX)-\d{8}-\d{6}$/;

/** `12345` for appeals, `GX` (网格) for grid cases. */
export type WorkOrderPrefix = '12345' | 'GX';

/** The next number of the day `at` falls on, from the counter in the schema of `em` (within its transaction). */
export async function nextWorkOrderNumber(em: EntityManager, prefix: WorkOrderPrefix, at: Date): Promise<string> {
  const counter = `"${em.config.get('schema')}"."work_order_counter"`;
  const day = chinaDay(at);
  const rows = (await em.execute(`insert into ${counter} (day, last) values (?, 1) on conflict (day) do update set last = ${counter}.last + 1 returning last`, [
    day,
  ])) as { last: number }[];
  return formatWorkOrderNumber(prefix, day, rows[0].last);
}

export function formatWorkOrderNumber(prefix: WorkOrderPrefix, day: string, sequence: number): string {
  return `${prefix}-${day.replace(/-/g, '')}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The SQL a service's migration runs to number its objects: the counter table, the column with its unique index, and
 * numbers for the rows already there (in the order they were made, per China day), the counters set past them.
 */
export function workOrderMigrationSql(options: { schema: string; table: string; createdAt: string; prefix: WorkOrderPrefix }): string[] {
  const { schema, table, createdAt, prefix } = options;
  const t = `"${schema}"."${table}"`;
  const counter = `"${schema}"."work_order_counter"`;
  const day = `to_char(${createdAt} at time zone 'Asia/Shanghai', 'YYYYMMDD')`;
  return [
    `create table if not exists ${counter} (day date primary key, last int not null)`,
    `alter table ${t} add column work_order text null`,
    `update ${t} x set work_order = n.work_order from (
       select id, '${prefix}-' || ${day} || '-' || lpad((row_number() over (partition by ${day} order by ${createdAt}, id))::text, 6, '0') as work_order
       from ${t}) n where x.id = n.id`,
    `insert into ${counter} (day, last)
       select to_date(${day}, 'YYYYMMDD'), count(*) from ${t} group by 1
       on conflict (day) do update set last = greatest(${counter}.last, excluded.last)`,
    `alter table ${t} alter column work_order set not null`,
    `create unique index ${table}_work_order_idx on ${t} (work_order)`,
  ];
}
