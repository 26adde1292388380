import { AppError } from '@gridline/platform';
import { defineRequest, type BusClient } from '@gridline/messaging';
import { retryingBus } from '@gridline/tools-seed';

const PING = defineRequest<{ n: number }, string>('probe', 'probe.ping');

/** A bus that answers with the given outcomes in turn, and remembers the options of each request. */
function scriptedBus(outcomes: (string | AppError)[]) {
  const sent: { idempotencyKey?: string }[] = [];
  const bus = {
    request: async (_definition: unknown, _data: unknown, options: { idempotencyKey?: string } = {}) => {
      sent.push(options);
      const next = outcomes.shift();
      if (next instanceof AppError) throw next;
      return next;
    },
  } as unknown as BusClient;
  return { bus, sent };
}

const timeout = () => new AppError('SERVICE_TIMEOUT', 'timeout', 'The registry service did not answer in time');
const noPause = async () => undefined;

describe('the seed’s retrying bus', () => {
  it('sends a timed-out request again under the same Idempotency-Key until it is answered', async () => {
    const { bus, sent } = scriptedBus([timeout(), new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'away'), 'pong']);
    await expect(retryingBus(bus, { pause: noPause }).request(PING, { n: 1 })).resolves.toBe('pong');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((o) => o.idempotencyKey)).size).toBe(1);
    expect(sent[0].idempotencyKey).toMatch(/^seed-/);
  });

  it('keeps a key the caller gave', async () => {
    const { bus, sent } = scriptedBus([timeout(), 'pong']);
    await retryingBus(bus, { pause: noPause }).request(PING, { n: 1 }, { idempotencyKey: 'demo-1' });
    expect(sent.map((o) => o.idempotencyKey)).toEqual(['demo-1', 'demo-1']);
  });

  it('never retries a business error, and gives up after the last attempt', async () => {
    const refused = new AppError('NOT_ALLOWED', 'conflict', 'not now');
    const once = scriptedBus([refused, 'pong']);
    await expect(retryingBus(once.bus, { pause: noPause }).request(PING, { n: 1 })).rejects.toBe(refused);
    expect(once.sent).toHaveLength(1);

    const away = scriptedBus([timeout(), timeout(), timeout()]);
    await expect(retryingBus(away.bus, { attempts: 3, pause: noPause }).request(PING, { n: 1 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(away.sent).toHaveLength(3);
  });
});
