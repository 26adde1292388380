import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';

/** An address as the lookup compares it, in SQL: NFKC, lower case, no spaces or punctuation (indexed, see the migration). */
const NORMALISED_ADDRESS = `regexp_replace(lower(normalize(b.address, NFKC)), '[[:space:][:punct:]]', '', 'g')`;

/** An address as the lookup compares it, in JS: the same as NORMALISED_ADDRESS. */
export function normaliseAddress(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The reads of the public grid lookup: buildings by address, and the grid staff of grids with their work phones. */
@Injectable()
export class PublicGridRepository {
  constructor(private readonly em: EntityManager) {}

  private schema(): string {
    return `"${this.em.config.get('schema')}"`;
  }

  /**
   * The active grids holding buildings whose normalised address contains the normalised text, those with the most
   * matching buildings first, each with up to three of the addresses that matched.
   */
  async gridsByAddress(normalised: string, limit: number): Promise<{ gridCode: string; addresses: string[] }[]> {
    const pattern = `%${normalised.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { grid_code: string; addresses: string[] }[] = await this.em.execute(
      `select b.grid_code, (array_agg(distinct b.address order by b.address))[1:3] as addresses
         from ${this.schema()}.building b join ${this.schema()}.unit u on u.code = b.grid_code and u.active
        where ${NORMALISED_ADDRESS} like ?
        group by b.grid_code
        order by count(*) desc, b.grid_code
        limit ?`,
      [pattern, limit],
    );
    return rows.map((r) => ({ gridCode: r.grid_code, addresses: r.addresses }));
  }

  /** The grid staff active on the day on each of the grids: their names and the posts' work phones, nothing else. */
  async gridStaff(gridCodes: readonly string[], day: string): Promise<{ gridCode: string; name: string; workPhone: string | null }[]> {
    if (gridCodes.length === 0) return [];
    const rows: { unit_code: string; name: string; work_phone: string | null }[] = await this.em.execute(
      `select a.unit_code, p.name, a.work_phone
         from ${this.schema()}.assignment a join ${this.schema()}.person p on p.id = a.person_id
        where a.unit_code = any(?::text[]) and a.role = 'grid_staff' and a.starts_on <= ?::date and (a.ends_on is null or a.ends_on >= ?::date)
        order by a.unit_code, a.starts_on, p.name`,
      [pgTextArray([...gridCodes]), day, day],
    );
    return rows.map((r) => ({ gridCode: r.unit_code, name: r.name, workPhone: r.work_phone }));
  }
}
