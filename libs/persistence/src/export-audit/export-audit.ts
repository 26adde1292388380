import { Injectable } from '@nestjs/common';
import { ArrayType, Entity, JsonType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { RequestContext, auditedFilters, exportTooLarge, mapItems, offsetPage, pageOffset, type AuditedExportFormat, type ExportAuditEntryView, type ExportAuditQuery, type ExportRecorded, type OffsetPage } from '@gridline/platform';
import { SchemaMigration } from '../schema-migration';

/** One export of a list, in the schema of the service that owns the list: who, when, which list, the filters, the rows. */
@Entity({ tableName: 'export_audit' })
export class ExportAuditEntity {
  [OptionalProps]?: 'id' | 'at' | 'correlationId';

  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'timestamptz' }) at: Date = new Date();
  @Property({ type: 'text' }) actor!: string;
  @Property({ type: ArrayType }) actorRoles!: string[];
  @Property({ type: 'text' }) list!: string;
  @Property({ type: 'text' }) format!: AuditedExportFormat;
  @Property({ type: JsonType }) filters!: Record<string, unknown>;
  @Property({ type: 'integer' }) rows!: number;
  @Property({ type: 'text', nullable: true }) correlationId: string | null = null;
}

/** What an export is recorded with: who asks, the list (or table, or report), the format, its filters and rows. */
export interface ExportToRecord {
  caller: { sub: string; roles: readonly string[] };
  list: string;
  format: AuditedExportFormat;
  /** The filters asked (paging and format left out by `auditedFilters`). */
  filters: object;
  /** Filters holding personal values, kept as `masked`. */
  personal?: readonly string[];
  rows: number;
  /** More rows than this are refused (422 EXPORT_TOO_MANY_ROWS naming the filters), nothing recorded. */
  maxRows: number;
  /** How the 422 names the rows (`cases`, `appeals`); default the list. */
  rowsName?: string;
}

/** The `export_audit` table of a service whose lists, tables or reports can be exported (incidents, hotline, analytics). */
export class ExportAuditMigration extends SchemaMigration {
  static readonly migrationName = '20261212000000_export_audit';

  up(): void {
    this.addSql(`create table ${this.t('export_audit')} (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      actor_roles text[] not null,
      list text not null,
      format text not null,
      filters jsonb not null,
      rows int not null,
      correlation_id text null
    )`);
    this.addSql(`create index export_audit_at_idx on ${this.t('export_audit')} (at desc, id desc)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('export_audit')}`);
  }
}

/** Records exports and lists them for admins. The row is written at once (its flush commits it), before any row leaves. */
@Injectable()
export class ExportAuditRepository {
  constructor(private readonly em: EntityManager) {}

  async record(entry: Pick<ExportAuditEntity, 'actor' | 'actorRoles' | 'list' | 'format' | 'filters' | 'rows' | 'correlationId'>): Promise<string> {
    const row = this.em.create(ExportAuditEntity, entry);
    await this.em.persist(row).flush();
    return String(row.id);
  }

  /**
   * The one way an export is recorded: the filters without paging (personal ones masked), more than `maxRows` refused
   * with 422 naming them (nothing recorded), then who, when, what and how many rows, with the request's correlation id.
   */
  async recordExport({ caller, list, format, filters, personal = [], rows, maxRows, rowsName }: ExportToRecord): Promise<ExportRecorded> {
    const kept = auditedFilters(filters, personal);
    if (rows > maxRows) throw exportTooLarge(rowsName ?? list, rows, maxRows, kept);
    const id = await this.record({ actor: caller.sub, actorRoles: [...caller.roles], list, format, filters: kept, rows, correlationId: RequestContext.correlationId() ?? null });
    return { id, rows };
  }

  async page(query: ExportAuditQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    const where: FilterQuery<ExportAuditEntity> = query.actor ? { actor: query.actor } : {};
    const { limit, offset } = pageOffset(query);
    const [rows, total] = await this.em.findAndCount(ExportAuditEntity, where, { orderBy: { at: 'desc', id: 'desc' }, limit, offset });
    return mapItems(offsetPage(rows, total, query), (r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      actorRoles: r.actorRoles,
      list: r.list,
      format: r.format,
      filters: r.filters,
      rows: r.rows,
      correlationId: r.correlationId,
    }));
  }
}
