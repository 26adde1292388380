import type { Client } from 'pg';
import { AppError, residentIdCheckCharacter } from '@gridline/platform';
import type { CreateMemberRequest } from '@gridline/contracts-party-building';
import type { UnitLevel } from '@gridline/contracts-registry';

/** Helpers of the service's int-specs (no jest globals: the app's build compiles this file too). */

/** The AppError a request fails with (throws when it succeeds or fails otherwise, failing the test). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => new Error('expected the request to be refused, it succeeded'), (e: unknown) => e);
  if (!(error instanceof AppError)) throw error instanceof Error ? error : new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The fields a validation error names. */
export function fieldsOf(error: AppError): string[] | undefined {
  return (error.details?.fields as { field: string }[] | undefined)?.map((f) => f.field);
}

/**
 * Units of the map written straight into the service's copy (what the registry's events would have written), the
 * name being the code; the parent is the path's last but one.
 */
export async function copyUnits(db: Client, units: readonly { level: UnitLevel; path: readonly string[]; active?: boolean }[]): Promise<void> {
  for (const { level, path, active = true } of units) {
    const code = path[path.length - 1];
    await db.query('insert into party_building.registry_unit (code, name, level, parent_code, path, active, updated_at) values ($1, $1, $2, $3, $4, $5, now())', [code, level, path.at(-2) ?? null, path, active]);
  }
}

/** A member to register in an organisation: a valid resident ID number from `seq` (distinct per member), living in `homeGridCode`. */
export function memberInput(organisationId: string, homeGridCode: string, seq: number, name = '王小明'): CreateMemberRequest {
  const first17 = `370502198503${String(1 + (seq % 28)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return { name, idNumber: first17 + residentIdCheckCharacter(first17), phone: `138${String(seq).padStart(8, '0')}`, status: 'full', joinedOn: '2010-07-01', organisationId, homeGridCode };
}
