import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { ReadinessCheck } from '@gridline/platform';

@Injectable()
export class DatabaseReadinessCheck implements ReadinessCheck {
  readonly name = 'database';
  constructor(private readonly orm: MikroORM) {}

  async check(): Promise<void> {
    await this.orm.em.getConnection().execute('select 1');
  }
}
