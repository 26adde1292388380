import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';

/** How long a name read from the registry is used before it is read again. */
export const NAMES_TTL_MS = 5 * 60_000;
/** A code missing from a list read this long ago makes the list be read again (it may be new). */
const MISS_REFRESH_MS = 30_000;
/** After the registry failed to answer, how long names stay unknown before it is asked again. */
const FAILURE_BACKOFF_MS = 10_000;

/** The names of the codes a view shows; a code the registry does not know (or that it could not be asked about) is null. */
export interface NameBook {
  unit(code: string | null | undefined): string | null;
  department(code: string | null | undefined): string | null;
  category(code: string | null | undefined): string | null;
  /** A lead key (the figures' owner): a unit code is digits, a department code letters. */
  owner(key: string | null | undefined): string | null;
}

/** The codes to name. */
export interface NameRequest {
  units?: Iterable<string | null | undefined>;
  departments?: Iterable<string | null | undefined>;
  categories?: Iterable<string | null | undefined>;
}

const isUnitCode = (key: string) => /^\d+$/.test(key);

/** A book that names nothing: for views made where names are not needed (and tests). */
export const NO_NAMES: NameBook = { unit: () => null, department: () => null, category: () => null, owner: () => null };

interface ListEntry {
  at: number;
  names: Map<string, string>;
}

/**
 * The names beside the codes in appeal views, lists and figures: units (grids, communities, streets), departments and
 * categories of the registry, asked as the service itself (`svc:hotline`) and kept for five minutes in memory — the
 * hotline keeps no copy of the registry's tables. The departments and the categories come as one list each
 * (`registry.department.list`, `registry.category.list`), units one by one (`registry.unit.get`, each unit asked
 * once per period however many appeals name it). Names are for people: when the registry cannot answer, the names
 * are null and the read goes on.
 */
@Injectable()
export class ReferenceNames {
  private readonly logger = new Logger(ReferenceNames.name);
  private departments: ListEntry | undefined;
  private categories: ListEntry | undefined;
  private readonly units = new Map<string, { at: number; name: string | null }>();
  private failedAt = -Infinity;

  constructor(private readonly registry: RegistryClient) {}

  async book(request: NameRequest): Promise<NameBook> {
    const codes = (values: Iterable<string | null | undefined> | undefined) => new Set([...(values ?? [])].filter((c): c is string => !!c));
    const units = codes(request.units);
    const departments = codes(request.departments);
    const categories = codes(request.categories);
    await Promise.all([
      departments.size > 0 ? this.list('departments', departments) : undefined,
      categories.size > 0 ? this.list('categories', categories) : undefined,
      ...[...units].map((code) => this.unit(code)),
    ]);
    const unit = (code: string | null | undefined) => (code ? (this.units.get(code)?.name ?? null) : null);
    const department = (code: string | null | undefined) => (code ? (this.departments?.names.get(code) ?? null) : null);
    const category = (code: string | null | undefined) => (code ? (this.categories?.names.get(code) ?? null) : null);
    return { unit, department, category, owner: (key) => (key ? (isUnitCode(key) ? unit(key) : department(key)) : null) };
  }

  /** The book for owner keys (a unit or a department code each), as the figures name their owners. */
  ownerBook(keys: Iterable<string | null | undefined>): Promise<NameBook> {
    const all = [...keys].filter((k): k is string => !!k);
    return this.book({ units: all.filter(isUnitCode), departments: all.filter((k) => !isUnitCode(k)) });
  }

  private async list(which: 'departments' | 'categories', wanted: Set<string>): Promise<void> {
    const now = Date.now();
    const entry = this[which];
    const fresh = entry && now - entry.at < NAMES_TTL_MS;
    const missing = entry ? [...wanted].some((code) => !entry.names.has(code)) : true;
    if (fresh && (!missing || now - entry.at < MISS_REFRESH_MS)) return;
    if (now - this.failedAt < FAILURE_BACKOFF_MS) return;
    try {
      const names = new Map<string, string>();
      if (which === 'departments') {
        for (const d of await this.registry.listDepartments(SYSTEM_CALLER)) names.set(d.code, d.name);
      } else {
        for (const major of await this.registry.listCategories(SYSTEM_CALLER)) {
          names.set(major.code, major.name);
          for (const minor of major.children) names.set(minor.code, minor.name);
        }
      }
      this[which] = { at: now, names };
    } catch (error) {
      this.failed(which, error);
    }
  }

  private async unit(code: string): Promise<void> {
    const now = Date.now();
    const known = this.units.get(code);
    if (known && now - known.at < NAMES_TTL_MS) return;
    if (now - this.failedAt < FAILURE_BACKOFF_MS) return;
    try {
      this.units.set(code, { at: now, name: (await this.registry.getUnit(SYSTEM_CALLER, code)).name });
    } catch (error) {
      if (error instanceof AppError && error.code === RegistryErrorCode.UnitNotFound) this.units.set(code, { at: now, name: null });
      else this.failed('units', error);
    }
  }

  private failed(what: string, error: unknown): void {
    this.failedAt = Date.now();
    this.logger.warn({ msg: 'registry names unavailable, answering without them', what, error: (error as Error).message });
  }
}
