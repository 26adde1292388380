import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { EventDefinition } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';
import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';
import { ANALYTICS_EVENTS } from '@gridline/contracts-analytics';

/** Every event map of every contracts library: the only events code can publish. */
const ALL_EVENTS: Record<string, Record<string, EventDefinition<unknown>>> = {
  registry: REGISTRY_EVENTS,
  incidents: INCIDENTS_EVENTS,
  hotline: HOTLINE_EVENTS,
  'party-building': PARTY_BUILDING_EVENTS,
  analytics: ANALYTICS_EVENTS,
};

interface AsyncApiDocument {
  channels: Record<string, { subscribe?: { message?: { $ref?: string } } }>;
  components: { messages: Record<string, { name: string }> };
}

const doc = parse(readFileSync(join(__dirname, '../../../docs/asyncapi.yaml'), 'utf8')) as AsyncApiDocument;

function messageOf(channel: string): { name: string } | undefined {
  const ref = doc.channels[channel]?.subscribe?.message?.$ref;
  return ref ? doc.components.messages[ref.replace('#/components/messages/', '')] : undefined;
}

describe('docs/asyncapi.yaml', () => {
  const definitions = Object.entries(ALL_EVENTS).flatMap(([service, events]) => Object.values(events).map((d) => ({ service, d })));

  it('knows the registry events at least', () => {
    expect(definitions.map(({ d }) => d.subject)).toEqual(expect.arrayContaining(['events.registry.unit.created', 'events.registry.unit.updated']));
  });

  it.each(definitions.map(({ service, d }) => [d.subject, service, d]))('documents %s with its CloudEvents type', (subject, service, d) => {
    expect(d.service).toBe(service);
    expect(Object.keys(doc.channels)).toContain(subject);
    expect(messageOf(subject as string)?.name).toBe(d.type);
  });

  it('documents no event that code cannot publish', () => {
    const published = new Set(definitions.map(({ d }) => d.subject));
    expect(Object.keys(doc.channels).filter((c) => !published.has(c))).toEqual([]);
  });
});
