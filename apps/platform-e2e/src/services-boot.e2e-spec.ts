import { INCIDENTS_REQUESTS } from '@gridline/contracts-incidents';
import { HOTLINE_REQUESTS } from '@gridline/contracts-hotline';
import { PARTY_BUILDING_REQUESTS } from '@gridline/contracts-party-building';
import { Client } from 'pg';
import type { TestPlatform } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

describe('incidents, hotline and party-building services', () => {
  let platform: TestPlatform;
  let walk: StreetFixture;
  let running: TestPlatform['services'];

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['incidents', 'hotline', 'party-building'] });
    platform = walk.platform;
    running = platform.services;
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('boots each, migrated into its own schema, and reports ready', async () => {
    for (const service of running) {
      const res = await fetch(`${service.url}/health/ready`);
      expect(res.status).toBe(200);
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    }
    const client = new Client({ connectionString: platform.db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`select table_schema from information_schema.tables where table_name = 'outbox' order by 1`);
      expect(rows.map((r) => r.table_schema)).toEqual(['hotline', 'incidents', 'party_building']);
    } finally {
      await client.end();
    }
  });

  it('answers on the bus in its queue group', async () => {
    const bus = await platform.bus();
    await expect(bus.request(INCIDENTS_REQUESTS.info, {})).resolves.toMatchObject({ service: 'incidents' });
    await expect(bus.request(HOTLINE_REQUESTS.info, {})).resolves.toMatchObject({ service: 'hotline' });
    await expect(bus.request(PARTY_BUILDING_REQUESTS.info, {})).resolves.toMatchObject({ service: 'party-building' });
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(`${running[0].url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total{service="incidents"}');
    expect(text).toContain('gridline_bus_requests_total');
  });
});
