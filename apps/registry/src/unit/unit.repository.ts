import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery, type RequiredEntityData } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { containsPattern, insertTogether, type InsertRow } from '@gridline/persistence';
import type { ListUnitsQuery } from '@gridline/contracts-registry';
import { UnitEntity } from './unit.entity';

/** All reads and writes of units. */
@Injectable()
export class UnitRepository {
  constructor(private readonly em: EntityManager) {}

  findByCode(code: string): Promise<UnitEntity | null> {
    return this.em.findOne(UnitEntity, { code });
  }

  findChildren(code: string): Promise<UnitEntity[]> {
    return this.em.find(UnitEntity, { parentCode: code }, { orderBy: { code: 'asc' } });
  }

  /** Units the caller may see that match the query, one page. */
  async list(caller: Caller, query: ListUnitsQuery): Promise<OffsetPage<UnitEntity>> {
    const where: FilterQuery<UnitEntity>[] = [];
    if (!isUnrestricted(caller)) where.push({ path: { $overlap: caller.units } });
    if (query.parent) where.push({ parentCode: query.parent });
    if (query.level) where.push({ level: query.level });
    if (query.q) {
      const like = containsPattern(query.q);
      where.push({ $or: [{ name: { $ilike: like } }, { code: { $like: like } }] });
    }
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(UnitEntity, where.length ? { $and: where } : {}, { orderBy: { code: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** Active grids whose bounding box contains the point (the exact test is the caller's). */
  findGridCandidatesAt(lng: number, lat: number): Promise<UnitEntity[]> {
    return this.em.find(
      UnitEntity,
      {
        level: { $in: ['grid', 'exclusive_grid'] },
        active: true,
        minLng: { $lte: lng },
        maxLng: { $gte: lng },
        minLat: { $lte: lat },
        maxLat: { $gte: lat },
      },
      { orderBy: { code: 'asc' } },
    );
  }

  findByCodes(codes: string[]): Promise<UnitEntity[]> {
    return this.em.find(UnitEntity, { code: { $in: codes } });
  }

  /** The active grids and exclusive grids among the codes. */
  findActiveGrids(codes: readonly string[]): Promise<UnitEntity[]> {
    return this.em.find(UnitEntity, { code: { $in: [...new Set(codes)] }, level: { $in: ['grid', 'exclusive_grid'] }, active: true });
  }

  /** A new unit, not yet stored (nor in the unit of work): `insert` it once it passed the map's rules. */
  create(data: RequiredEntityData<UnitEntity>): UnitEntity {
    return this.em.create(UnitEntity, data, { persist: false });
  }

  /** Stores a new unit and its events' outbox rows in one statement (a taken code: UniqueConstraintViolationException). */
  insert(unit: UnitEntity, events: readonly InsertRow[]): Promise<void> {
    return insertTogether(this.em, [{ entity: UnitEntity, data: unit }, ...events]);
  }

  /** Writes the changes of the current unit of work (a `TransactionRunner.run`'s, inside one). */
  async flush(): Promise<void> {
    await this.em.flush();
  }

  /**
   * Takes the map lock until the transaction ends: the boundary rules read the neighbours of a unit, so two edits of
   * the map's geometry must not check at the same time (each would miss the other). Edits of the map are rare.
   */
  async lockMap(): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`gridline-map:${this.em.config.get('schema') ?? 'public'}`]);
  }

  /** A unit as committed now (not as this request's identity map remembers it). */
  findCurrent(code: string): Promise<UnitEntity | null> {
    return this.em.findOne(UnitEntity, { code }, { disableIdentityMap: true });
  }

  /** The children of a unit that have a boundary. */
  findChildrenWithBoundary(code: string): Promise<UnitEntity[]> {
    return this.em.find(UnitEntity, { parentCode: code, minLng: { $ne: null } }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
  }

  /**
   * Active units of the unit's level whose bounding box meets its own: under the same street (any street, for a
   * street). The exact overlap is the caller's to measure.
   */
  findNeighbourCandidates(unit: UnitEntity): Promise<UnitEntity[]> {
    if (unit.minLng === null || unit.maxLng === null || unit.minLat === null || unit.maxLat === null) return Promise.resolve([]);
    return this.em.find(
      UnitEntity,
      {
        code: { $ne: unit.code },
        level: unit.level,
        active: true,
        ...(unit.level === 'street' ? {} : { path: { $overlap: [unit.path[0]] } }),
        minLng: { $lte: unit.maxLng },
        maxLng: { $gte: unit.minLng },
        minLat: { $lte: unit.maxLat },
        maxLat: { $gte: unit.minLat },
      },
      { orderBy: { code: 'asc' }, disableIdentityMap: true },
    );
  }
}
