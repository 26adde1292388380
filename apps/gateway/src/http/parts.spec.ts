import { AppError, RequestContext } from '@gridline/platform';
import { PartAsker, askWithin, dataOr } from './parts';

const never = () => new Promise<never>(() => {});
const refused = (kind: 'forbidden' | 'not_found' | 'unavailable' | 'timeout' | 'internal' | 'validation') => () => Promise.reject(new AppError('X', kind, 'refused'));

describe(askWithin.name, () => {
  afterEach(() => jest.useRealTimers());

  it('answers the data of a part that answers in time', async () => {
    expect(await askWithin(1500, async () => ({ grids: 3 }))).toEqual({ status: 'ok', data: { grids: 3 } });
  });

  it('gives up a part that does not answer within the budget as unavailable (timeout), and no sooner', async () => {
    jest.useFakeTimers();
    let settled = false;
    const part = askWithin(1500, never).then((p) => ((settled = true), p));
    await jest.advanceTimersByTimeAsync(1499);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await part).toEqual({ status: 'unavailable', reason: 'timeout' });
  });

  it("makes the part's bus requests wait the budget, within the surrounding request's context", async () => {
    const seen = await RequestContext.run({ correlationId: 'corr-1' }, () => askWithin(700, async () => RequestContext.current()));
    expect(seen).toEqual({ status: 'ok', data: { correlationId: 'corr-1', busTimeoutMs: 700 } });
  });

  it('marks a service that is not running or timed out on the bus as unavailable, with the reason', async () => {
    expect(await askWithin(1500, refused('unavailable'))).toEqual({ status: 'unavailable', reason: 'unavailable' });
    expect(await askWithin(1500, refused('timeout'))).toEqual({ status: 'unavailable', reason: 'timeout' });
  });

  it('shows nothing of a part the service refused by role or scope (403 or 404): forbidden', async () => {
    expect(await askWithin(1500, refused('forbidden'))).toEqual({ status: 'forbidden' });
    expect(await askWithin(1500, refused('not_found'))).toEqual({ status: 'forbidden' });
  });

  it('marks a part whose service failed as unavailable (failed) and tells of the error', async () => {
    const failed = jest.fn();
    expect(await askWithin(1500, refused('internal'), failed)).toEqual({ status: 'unavailable', reason: 'failed' });
    expect(await askWithin(1500, () => Promise.reject(new TypeError('boom')), failed)).toEqual({ status: 'unavailable', reason: 'failed' });
    expect(failed).toHaveBeenCalledTimes(2);
    // Refusals and absences are answers, not failures.
    await askWithin(1500, refused('forbidden'), failed);
    await askWithin(1500, refused('unavailable'), failed);
    expect(failed).toHaveBeenCalledTimes(2);
  });
});

describe(PartAsker.name, () => {
  afterEach(() => jest.useRealTimers());

  it('asks slow, failing, refusing and answering parts together, each settled as its own status', async () => {
    jest.useFakeTimers();
    const parts = new PartAsker(1500);
    const all = Promise.all([parts.ask('slow', never), parts.ask('failing', refused('unavailable')), parts.ask('forbidden', refused('forbidden')), parts.ask('fine', async () => [1, 2])]);
    await jest.advanceTimersByTimeAsync(1500);
    expect(await all).toEqual([
      { status: 'unavailable', reason: 'timeout' },
      { status: 'unavailable', reason: 'unavailable' },
      { status: 'forbidden' },
      { status: 'ok', data: [1, 2] },
    ]);
  });
});

describe(dataOr.name, () => {
  it('answers the data, or what stands for it when the part is missing', () => {
    expect(dataOr({ status: 'ok', data: [1] }, [])).toEqual([1]);
    expect(dataOr({ status: 'forbidden' }, [])).toEqual([]);
    expect(dataOr<number[]>({ status: 'unavailable', reason: 'timeout' }, [])).toEqual([]);
  });
});
