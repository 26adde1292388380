import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Open311KeyEntity } from './open311-key.entity';

/** Client applications' API keys, by application or by the key's hash. */
@Injectable()
export class Open311KeyRepository {
  constructor(private readonly em: EntityManager) {}

  findByHash(keyHash: string): Promise<Open311KeyEntity | null> {
    return this.em.findOne(Open311KeyEntity, { keyHash });
  }

  /**
   * Stores the application's key, replacing the one it had; answers whether there was one. One statement, so two
   * admins issuing at once leave exactly one working key.
   */
  async upsert(application: string, keyHash: string, issuedBy: string, issuedAt: Date): Promise<{ replaced: boolean }> {
    const schema = this.em.config.get('schema');
    const rows: { replaced: boolean }[] = await this.em.execute(
      `insert into "${schema}"."open311_key" (application, key_hash, issued_by, issued_at) values (?, ?, ?, ?)
       on conflict (application) do update set key_hash = excluded.key_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at
       returning (xmax <> 0) as replaced`,
      [application, keyHash, issuedBy, issuedAt],
    );
    return { replaced: rows[0]?.replaced === true };
  }
}
