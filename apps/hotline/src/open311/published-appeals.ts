import type { FilterQuery } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import type { AppealChannel } from '@gridline/contracts-hotline';
import type { AppealEntity } from '../appeal/appeal.entity';

/**
 * The appeals Open311 publishes to a caller: in its scope (located there or led by one of its units), with a category
 * (an Open311 service request always has a service), taken through the channels given.
 */
export function publishedAppeals(caller: Caller, channels: AppealChannel[] | undefined): FilterQuery<AppealEntity>[] {
  const where: FilterQuery<AppealEntity>[] = [{ categoryCode: { $ne: null } }];
  if (!isUnrestricted(caller)) where.push({ $or: [{ path: { $overlap: caller.units } }, { leadKey: { $in: caller.units } }] });
  if (channels) where.push({ channel: { $in: channels } });
  return where;
}

/** The same, as SQL over the appeal table aliased `a`, with its parameters. */
export function publishedAppealsSql(caller: Caller, channels: AppealChannel[] | undefined): { sql: string; params: unknown[] } {
  const clauses = ['a.category_code is not null'];
  const params: unknown[] = [];
  if (!isUnrestricted(caller)) {
    clauses.push('(a.path && ?::text[] or a.lead_key = any(?::text[]))');
    params.push(pgTextArray(caller.units), pgTextArray(caller.units));
  }
  if (channels) {
    clauses.push('a.channel = any(?::text[])');
    params.push(pgTextArray(channels));
  }
  return { sql: clauses.join(' and '), params };
}

/** A PostgreSQL text[] literal of codes (unit codes and channel names carry no quotes or backslashes). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v}"`).join(',')}}`;
}
