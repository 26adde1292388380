import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError, MAX_PAGE_SIZE, cstYear } from '@gridline/platform';
import { EventConsumerHost } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { ReferenceRepository, type GridStaffAssignment, type ReferenceCodes } from './reference.repository';
import { RegistryReferenceSubscriber } from './reference.subscriber';
import { REGISTRY_REFERENCE_FILL, type RegistryReferenceFillSettings } from './registry-reference.settings';


const notFound = (code: string) => (error: unknown) => {
  if (error instanceof AppError && error.code === code) return null;
  throw error;
};

/**
 * The registry, asked as the service itself for what its copy lacks — always before a step's transaction opens,
 * never inside one: a code a command names that the copy does not hold yet (created a moment ago, its event still
 * on its way) is read and kept; and at boot an empty copy (a service started after the registry's events), or one
 * whose consumer missed events the stream has since dropped (down longer than the stream keeps), is filled once
 * through the registry's list requests.
 */
@Injectable()
export class RegistryReference implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RegistryReference.name);
  private filling: Promise<void> | undefined;
  private stopped = false;
  /** Decided at boot, before the consumers start: the copy missed events the stream no longer holds. */
  private behind = false;

  constructor(
    private readonly copy: ReferenceRepository,
    private readonly registry: RegistryClient,
    private readonly orm: MikroORM,
    @Inject(REGISTRY_REFERENCE_FILL) private readonly settings: RegistryReferenceFillSettings,
    private readonly consumers: EventConsumerHost,
    private readonly subscriber: RegistryReferenceSubscriber,
  ) {}

  /**
   * Makes the copy hold the codes named, where the registry has them. A category or department the registry cannot
   * be asked about fails as the registry does (503: try again); a unit it cannot tell about stays unknown.
   */
  async prefetch(codes: ReferenceCodes): Promise<void> {
    const held = await this.copy.find(codes);
    const missing = (kind: keyof ReferenceCodes) => [...new Set(codes[kind] ?? [])].filter((c): c is string => !!c && !held.get(kind, c));
    for (const code of missing('category')) {
      const category = await this.registry.getCategory(SYSTEM_CALLER, code).catch(notFound(RegistryErrorCode.CategoryNotFound));
      if (category) await this.copy.saveCategory(category);
    }
    if (missing('department').length > 0) {
      for (const department of await this.registry.listDepartments(SYSTEM_CALLER)) await this.copy.saveDepartment(department);
    }
    for (const code of missing('unit')) {
      const unit = await this.registry.getUnit(SYSTEM_CALLER, code).catch(() => null);
      if (unit) await this.copy.saveUnit(unit, new Date(unit.updatedAt));
    }
  }

  /**
   * Whether a department of that code is on the responsibility list and active. The copy answers first; a code it
   * lacks is asked of the registry once (and kept), since the copy can lag a department created a moment ago.
   */
  async isActiveDepartment(code: string): Promise<boolean> {
    await this.prefetch({ department: [code] });
    return (await this.copy.department(code))?.active ?? false;
  }

  async onModuleInit(): Promise<void> {
    if (this.settings.autoStart) this.behind = await this.missedEvents();
  }

  /** Whether the registry's stream dropped events (older than it keeps) before this service's copy consumer read them. */
  async missedEvents(): Promise<boolean> {
    try {
      return await this.consumers.missedAgedOut(this.subscriber);
    } catch (error) {
      this.logger.warn({ msg: 'could not tell whether the registry copy missed events; filling it only if empty', error: (error as Error).message });
      return false;
    }
  }

  onApplicationBootstrap(): void {
    if (this.settings.autoStart) this.filling = this.fillUntilDone();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.filling;
  }

  private async fillUntilDone(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.fillIfNeeded(new Date(), this.behind);
        return;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ msg: 'could not fill the registry copy yet; retrying', error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, this.settings.retryMs).unref());
      }
    }
  }

  /**
   * The grid staff on the units at or beneath `unitCode` sharing a day with `from`–`to` (a service that keeps them),
   * each named: the persons the copy holds no name for yet (assignments learnt from events) are asked of the
   * registry's staff snapshot first and kept. The registry unavailable, they stay unnamed (null) this time.
   */
  async gridStaff(unitCode: string, from: string, to: string): Promise<GridStaffAssignment[]> {
    const staff = await this.copy.gridStaff(unitCode, from, to);
    const unnamed = [...new Set(staff.filter((s) => s.name === null).map((s) => s.personId))];
    if (unnamed.length === 0) return staff;
    try {
      for (let i = 0; i < unnamed.length; i += MAX_PAGE_SIZE) await this.loadStaff(new Date(), unnamed.slice(i, i + MAX_PAGE_SIZE));
    } catch (error) {
      this.logger.warn({ msg: 'could not ask the registry for the grid staff’s names; answered unnamed', error: (error as Error).message });
      return staff;
    }
    return this.copy.gridStaff(unitCode, from, to);
  }

  /** Every page of the registry's staff snapshot (of those persons only, when given), saved as of `now`. */
  private async loadStaff(now: Date, personIds?: string[]): Promise<number> {
    let saved = 0;
    for (let cursor: string | null = null; !this.stopped; ) {
      const page = await this.registry.staffSnapshot(SYSTEM_CALLER, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(personIds ? { personIds } : {}) });
      for (const record of page.items) await this.copy.saveStaff(record, now);
      saved += page.items.length;
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return saved;
  }

  /** Fills the copy through the registry's lists when it holds nothing; answers whether it did. */
  fillIfEmpty(now: Date = new Date()): Promise<boolean> {
    return this.fillIfNeeded(now, false);
  }

  /**
   * Fills the copy through the registry's lists when it holds nothing or is `behind` (it missed events the stream
   * dropped: `missedEvents()`); answers whether it did. Each record is saved as the registry holds it now, the
   * stream's events then apply on top as ever. Where the service keeps the grid staff, they are filled with the rest,
   * and on their own while the copy holds none (a copy made before it kept them).
   */
  async fillIfNeeded(now: Date, behind: boolean): Promise<boolean> {
    return RequestContext.create(this.orm.em, async () => {
      const all = behind || (await this.copy.isEmpty());
      const staff = this.settings.staff === true && (all || (await this.copy.staffCount()) === 0);
      if (!all && !staff) return false;
      if (all) await this.fillReference(now);
      const staffSaved = staff ? await this.loadStaff(now) : 0;
      this.logger.log({ msg: behind ? 'registry copy filled again from the registry (it missed events the stream dropped)' : 'registry copy filled from the registry', reference: all, staff: staffSaved });
      return true;
    });
  }

  /** Departments, categories, units and the loaded calendar years, as the registry's lists answer them now. */
  private async fillReference(now: Date): Promise<void> {
    for (const department of await this.registry.listDepartments(SYSTEM_CALLER)) await this.copy.saveDepartment(department);
    for (const major of await this.registry.listCategories(SYSTEM_CALLER)) {
      for (const category of [major, ...major.children]) await this.copy.saveCategory(category);
    }
    for (let page = 1, seen = 0; !this.stopped; page++) {
      const units = await this.registry.listUnits(SYSTEM_CALLER, { page, pageSize: MAX_PAGE_SIZE });
      for (const unit of units.items) await this.copy.saveUnit(unit, new Date(unit.updatedAt));
      seen += units.items.length;
      if (units.items.length === 0 || seen >= units.total) break;
    }
    const year = cstYear(now);
    for (const y of [year - 1, year, year + 1]) {
      const calendar = await this.registry.getCalendar(SYSTEM_CALLER, y);
      if (!calendar.provisional) await this.copy.saveCalendarYear(calendar);
    }
  }
}
