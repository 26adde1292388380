import { buildCloudEvent, parseCloudEvent } from './cloud-event';
import { defineEvent } from './definitions';

const THING = defineEvent<{ n: number }>('probe', 'thing', 'happened');
const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('CloudEvents envelope', () => {
  it('builds a CloudEvents 1.0 event from a definition', () => {
    const event = buildCloudEvent(THING, 'agg-1', { n: 1 }, { correlationId: 'c1', causationId: 'e0' });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/gridline/probe',
      type: 'gridline.probe.thing.happened.v1',
      subject: 'agg-1',
      datacontenttype: 'application/json',
      data: { n: 1 },
      correlationid: 'c1',
      causationid: 'e0',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parseCloudEvent(encode(event))).toEqual(event);
  });

  it.each([
    ['not json', 'the message is not JSON'],
    [[1, 2], 'specversion must be "1.0"'],
    [{ specversion: '0.3' }, 'specversion must be "1.0"'],
    [{ ...buildCloudEvent(THING, 'a', { n: 1 }, { correlationId: 'c' }), id: '' }, 'attribute "id" is missing'],
    [{ ...buildCloudEvent(THING, 'a', { n: 1 }, { correlationId: 'c' }), data: undefined }, 'attribute "data" is missing'],
  ])('refuses %p', (body, reason) => {
    expect(() => parseCloudEvent(encode(body))).toThrow(reason);
  });

  it('names subjects broad to narrow and rejects a request pattern of another service', () => {
    expect(THING.subject).toBe('events.probe.thing.happened');
    expect(() => defineEvent('a', 'b', 'c', 2).type).not.toThrow();
    expect(defineEvent('a', 'b', 'c', 2).type).toBe('gridline.a.b.c.v2');
  });
});
