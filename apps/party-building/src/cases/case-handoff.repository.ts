import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ReportIncidentRequest } from '@gridline/contracts-incidents';
import { CaseHandoffEntity } from './case-handoff.entity';

/** Hand-offs to incidents, in the caller's unit of work. */
@Injectable()
export class CaseHandoffRepository {
  constructor(private readonly em: EntityManager) {}

  find(key: string): Promise<CaseHandoffEntity | null> {
    return this.em.findOne(CaseHandoffEntity, { key }, { refresh: true });
  }

  lock(key: string): Promise<CaseHandoffEntity | null> {
    return this.em.findOne(CaseHandoffEntity, { key }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The pending hand-off under `key`: the one stored first wins (a concurrent or retried call reuses its request). */
  async claim(key: string, origin: { kind: string; id: string }, request: ReportIncidentRequest): Promise<CaseHandoffEntity> {
    const schema = this.em.config.get('schema');
    await this.em.execute(
      `insert into "${schema}"."case_handoff" (key, origin_kind, origin_id, request, created_at) values (?, ?, ?, ?::jsonb, now()) on conflict (key) do nothing`,
      [key, origin.kind, origin.id, JSON.stringify(request)],
    );
    return (await this.find(key))!;
  }

  /** Forgets a hand-off incidents refused (nothing was opened), so that a corrected request may be sent. */
  async release(key: string): Promise<void> {
    await this.em.nativeDelete(CaseHandoffEntity, { key, incidentId: null });
  }

  async save(): Promise<void> {
    await this.em.flush();
  }
}
