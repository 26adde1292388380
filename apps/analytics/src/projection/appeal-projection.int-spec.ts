import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { buildCloudEvent, streamName, withPrefix, type CloudEvent, type EventDefinition } from '@gridline/messaging';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import { TEST_SERVERS, TestPlatform, appealEventData, eventually } from '@gridline/testing';
import { hexCells } from '../hotspots/hex-cells';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

const PATH = ['370502005', '370502005001', '370502005001001'];
const DEPT = { kind: 'department', departmentCode: 'URBAN_MGMT' } as const;
const t = (time: string) => new Date(`2026-11-02T${time}:00+08:00`).toISOString();

type Published = CloudEvent & { on: string };
function appeal(name: keyof typeof HOTLINE_EVENTS, id: string, at: string, data: Partial<AppealEventData> = {}): Published {
  const definition = HOTLINE_EVENTS[name] as EventDefinition<AppealEventData>;
  const payload = appealEventData(id, at, {
    categoryCode: 'ENV.GARBAGE', gridCode: PATH[2], path: PATH, summary: '门口垃圾 王芳 13805461234', location: { lat: 36.1, lng: 117.1, address: '文汇路1号' }, receivedAt: t('08:00'), ...data,
  });
  return { ...buildCloudEvent(definition, id, payload, { correlationId: `c-${id}` }), on: definition.subject };
}

const dispatched = { lead: DEPT, dispatchedAt: t('09:00'), signDueAt: t('11:00'), answerDueAt: t('17:00') };
/** P: its newest event (answered) published first, then the older ones, one of them twice under two ids. */
const P = [
  appeal('answered', 'P', t('13:00'), { status: 'answered', ...dispatched, signedAt: t('10:00'), answeredAt: t('13:00'), resolution: 'resolved' }),
  appeal('received', 'P', t('08:00')),
  appeal('dispatched', 'P', t('09:00'), { status: 'dispatched', ...dispatched }),
  appeal('signed', 'P', t('10:00'), { status: 'signed', ...dispatched, signedAt: t('10:00') }),
  appeal('signed', 'P', t('10:00'), { status: 'signed', ...dispatched, signedAt: t('10:00') }),
];
/** Q: reopened by a dissatisfied callback, then closed after the second answer. */
const Q = [
  appeal('received', 'Q', t('08:00'), { gridCode: null, path: [PATH[0]], location: null }),
  appeal('callback', 'Q', t('14:00'), { status: 'signed', ...dispatched, gridCode: null, path: [PATH[0]], location: null, signedAt: t('10:00'), satisfaction: 'dissatisfied', reopenCount: 1 }),
  appeal('reopened', 'Q', t('14:00'), { status: 'signed', ...dispatched, gridCode: null, path: [PATH[0]], location: null, signedAt: t('10:00'), satisfaction: 'dissatisfied', reopenCount: 1 }),
  appeal('closed', 'Q', t('16:00'), { status: 'closed', ...dispatched, gridCode: null, path: [PATH[0]], location: null, signedAt: t('10:00'), answeredAt: t('15:00'), resolution: 'resolved', satisfaction: 'satisfied', reopenCount: 1 }),
];

describe('the appeal projection from the hotline’s events', () => {
  let platform: TestPlatform;
  let nc: NatsConnection;
  let db: Client;
  const publish = async ({ on, ...e }: Published) => {
    await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID: e.id });
  };

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const e of [...P, ...Q]) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.inbox where consumer = 'analytics-appeals'`)).rows[0].n)).toBe(P.length + Q.length);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  const row = async (id: string) => (await db.query(`select * from analytics.appeal_projection where appeal_id = $1`, [id])).rows[0];

  it('keeps the newest state of an appeal whose events came out of order and twice, with its inbox rows', async () => {
    expect(await row('P')).toMatchObject({
      status: 'answered', channel: 'phone', type: 'complaint', category_code: 'ENV.GARBAGE', grid_code: PATH[2], unit_path: PATH, lat: 36.1, lng: 117.1, h3r8: hexCells(36.1, 117.1).h3r8,
      lead_kind: 'department', lead_code: 'URBAN_MGMT', lead_level: null, received_at: new Date(t('08:00')), signed_at: new Date(t('10:00')),
      sign_due_at: new Date(t('11:00')), answered_at: new Date(t('13:00')), answer_due_at: new Date(t('17:00')), resolution: 'resolved', closed_at: null,
      reopen_count: 0, last_event_at: new Date(t('13:00')),
    });
  });

  it('follows a re-handling to the closure, and keeps an unlocated appeal at its street', async () => {
    expect(await row('Q')).toMatchObject({ status: 'closed', grid_code: null, unit_path: [PATH[0]], lat: null, h3r7: null, satisfaction: 'satisfied', reopen_count: 1, closed_at: new Date(t('16:00')), answered_at: new Date(t('15:00')) });
  });

  it('stores no personal data: no column holds the caller, the text or the address', async () => {
    const { rows } = await db.query(`select row_to_json(p)::text as json from analytics.appeal_projection p`);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.json).not.toMatch(/王芳|13805461234|文汇路|垃圾/);
  });

  it('reads through the durable consumer analytics-appeals on events.hotline.appeal.>', async () => {
    const info = await (await nc.jetstreamManager()).consumers.info(streamName(platform.prefix, 'hotline'), 'analytics-appeals');
    expect(info.config.filter_subject).toBe(withPrefix(platform.prefix, 'events.hotline.appeal.>'));
    const { rows } = await db.query(`select distinct event_type from analytics.inbox where consumer = 'analytics-appeals' order by 1`);
    expect(rows.map((r) => r.event_type)).toEqual(['gridline.hotline.appeal.answered.v1', 'gridline.hotline.appeal.callback.v1', 'gridline.hotline.appeal.closed.v1', 'gridline.hotline.appeal.dispatched.v1', 'gridline.hotline.appeal.received.v1', 'gridline.hotline.appeal.reopened.v1', 'gridline.hotline.appeal.signed.v1']);
  });
});
