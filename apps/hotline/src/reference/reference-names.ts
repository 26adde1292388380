import { Injectable } from '@nestjs/common';
import { RegistryCopyRepository } from './registry-copy.repository';
import { isUnitCode } from '@gridline/contracts-registry';

/** The names of the codes a view shows; a code the hotline's copy of the registry does not hold is null. */
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


/** A book that names nothing: for views made where names are not needed (and tests). */
export const NO_NAMES: NameBook = { unit: () => null, department: () => null, category: () => null, owner: () => null };

/**
 * The names beside the codes in appeal views, lists and figures — units (grids, communities, streets), departments
 * and categories — read in one query from the hotline's copy of the registry (`RegistryCopyRepository`): no request
 * to the registry, so a view or a figures pass inside a transaction never waits on another service.
 */
@Injectable()
export class ReferenceNames {
  constructor(private readonly copy: RegistryCopyRepository) {}

  async book(request: NameRequest): Promise<NameBook> {
    const copies = await this.copy.find({ unit: request.units, department: request.departments, category: request.categories });
    const unit = (code: string | null | undefined) => copies.get('unit', code)?.name ?? null;
    const department = (code: string | null | undefined) => copies.get('department', code)?.name ?? null;
    const category = (code: string | null | undefined) => copies.get('category', code)?.name ?? null;
    return { unit, department, category, owner: (key) => (key ? (isUnitCode(key) ? unit(key) : department(key)) : null) };
  }

  /** The book for owner keys (a unit or a department code each), as the figures name their owners. */
  ownerBook(keys: Iterable<string | null | undefined>): Promise<NameBook> {
    const all = [...keys].filter((k): k is string => !!k);
    return this.book({ units: all.filter(isUnitCode), departments: all.filter((k) => !isUnitCode(k)) });
  }
}
