import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { HotlineClient } from '@gridline/contracts-hotline';
import { TestPlatform } from '@gridline/testing';
import { HotlineAppModule } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };

/**
 * The list's substring search (`q`) over content and address, served by the trigram indexes of the appeal-search
 * migration (docs/BENCHMARKS.md, "Appeals at city size"): the same appeals as before, Chinese terms and LIKE's own
 * characters taken literally, and a plan that can read the indexes instead of every appeal.
 */
describe('GET /appeals?q= (trigram indexes)', () => {
  let platform: TestPlatform;
  let hotline: HotlineClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config, { startWorkers: false }));
    hotline = new HotlineClient(await platform.bus());
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const content of ['幸福里12号楼垃圾堆放，希望尽快处理', '幸福里120号楼路灯不亮', '锦华苑3号楼噪音扰民', '东城花园收费 100%_退还']) {
      await hotline.intake(OPERATOR, { channel: 'phone', type: 'complaint', content });
    }
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  const contents = async (q: string) => (await hotline.list(OPERATOR, { q })).items.map((a) => a.content).sort();

  it('finds the appeals whose content holds the term, and only those', async () => {
    expect(await contents('幸福里12')).toEqual(['幸福里120号楼路灯不亮', '幸福里12号楼垃圾堆放，希望尽快处理']);
    expect(await contents('幸福里12号楼')).toEqual(['幸福里12号楼垃圾堆放，希望尽快处理']);
    expect(await contents('垃圾')).toEqual(['幸福里12号楼垃圾堆放，希望尽快处理']);
    expect(await contents('新村')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await contents('100%_')).toEqual(['东城花园收费 100%_退还']);
    expect(await contents('1_0')).toEqual([]);
  });

  it('can read both trigram indexes for the filter the list writes', async () => {
    await db.query('begin');
    try {
      await db.query('set local enable_seqscan = off');
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain select * from hotline.appeal where content like $1 or address like $1`, ['%幸福里12号%']);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('appeal_content_trgm_idx');
      expect(plan).toContain('appeal_address_trgm_idx');
    } finally {
      await db.query('rollback');
    }
  });
});
