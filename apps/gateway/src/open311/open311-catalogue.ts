import { Inject, Injectable } from '@nestjs/common';
import { RegistryClient, type CategoryDetail, type CategoryView } from '@gridline/contracts-registry';
import { toOpen311Service } from './open311-mapper';
import type { Open311Service } from './open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from './open311.settings';

/** Stands in for the changeset of an empty responsibility list. */
const STARTED_AT = new Date();

/** The Open311 services, read from the responsibility list each time (it is short, and changes must show at once). */
export interface Open311Catalogue {
  /** The minor categories the public may report: active, under an active major category, by code. */
  services: Open311Service[];
  /** Every minor category's name, active or not (old requests keep theirs). */
  names: Map<string, string>;
  /** Each service's details (its attributes), by service code. */
  details: Map<string, CategoryDetail[]>;
  /** When the list last changed. */
  changedAt: Date;
}

@Injectable()
export class Open311CatalogueReader {
  constructor(
    private readonly registry: RegistryClient,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  async read(): Promise<Open311Catalogue> {
    const tree = await this.registry.listCategories(open311Caller(this.settings));
    const services: Open311Service[] = [];
    const names = new Map<string, string>();
    const details = new Map<string, CategoryDetail[]>();
    let changedAt = 0;
    const seen = (c: CategoryView) => {
      changedAt = Math.max(changedAt, Date.parse(c.updatedAt) || 0);
    };
    for (const major of tree) {
      seen(major);
      for (const minor of major.children) {
        seen(minor);
        names.set(minor.code, minor.name);
        if (major.active && minor.active) {
          services.push(toOpen311Service(minor, major));
          details.set(minor.code, minor.details ?? []);
        }
      }
    }
    services.sort((a, b) => a.service_code.localeCompare(b.service_code));
    return { services, names, details, changedAt: changedAt > 0 ? new Date(changedAt) : STARTED_AT };
  }
}
