import { isUnitCode } from '@gridline/contracts-registry';

type Names = ReadonlyMap<string, string | null>;

/** The codes to name. */
export interface NameRequest {
  units?: Iterable<string | null | undefined>;
  departments?: Iterable<string | null | undefined>;
  categories?: Iterable<string | null | undefined>;
}

/**
 * Names of units, categories and departments, as the copy holds them: a code the copy does not know (or a unit
 * copied before names were kept) is null.
 */
export class NameBook {
  /** A book that names nothing: for views made where names are not needed (and tests). */
  static readonly EMPTY = new NameBook(new Map(), new Map(), new Map());

  readonly unit: (code: string | null | undefined) => string | null;
  readonly category: (code: string | null | undefined) => string | null;
  readonly department: (code: string | null | undefined) => string | null;
  /** A lead key (the figures' owner): a unit code is digits, a department code letters. */
  readonly owner: (key: string | null | undefined) => string | null;

  constructor(units: Names, categories: Names, departments: Names) {
    const from = (names: Names) => (code: string | null | undefined) => (code ? (names.get(code) ?? null) : null);
    this.unit = from(units);
    this.category = from(categories);
    this.department = from(departments);
    this.owner = (key) => (key ? (isUnitCode(key) ? this.unit(key) : this.department(key)) : null);
  }
}

export const NO_NAMES = NameBook.EMPTY;
