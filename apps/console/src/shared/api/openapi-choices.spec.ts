import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_RULE_KINDS, CANDIDATE_STATUSES } from '@/features/candidates/candidates.api';
import { CASE_STATUSES } from '@/features/cases/cases.api';
import { PERIOD_KINDS } from '@/features/figures/figures.types';
import { APPEAL_STATUSES, APPEAL_TYPES, APPEAL_URGENCIES, CHANNELS } from '@/features/hotline/hotline.api';
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS, MEMBER_STATUSES, ORGANISATION_LEVELS, REGISTRATION_STATES, STATION_FUNCTIONS } from '@/features/party/party.api';
import { RANKING_LEVELS, RANKING_PARTS } from '@/features/rankings/rankings.api';
import { IMPORT_KINDS, RESIDENT_TAGS } from '@/features/registers/registers.api';
import { SOURCES, URGENCIES } from '@/features/report/report.api';

/**
 * The console is a front end like any other: it imports no library of the platform (eslint's module boundaries), and
 * keeps its own copy of the choices the API offers. Each copy must be exactly one of the API's enums as
 * docs/openapi.json (generated from the gateway, `npm run openapi`) publishes them: a value added or renamed in the
 * API fails here until the console offers it too.
 */
const document: unknown = JSON.parse(readFileSync(resolve(__dirname, '../../../../../docs/openapi.json'), 'utf8'));

function enumsOf(node: unknown, found: string[][] = []): string[][] {
  if (Array.isArray(node)) for (const item of node) enumsOf(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value) && value.every((v) => typeof v === 'string')) found.push(value as string[]);
      else enumsOf(value, found);
    }
  }
  return found;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

const CHOICES: Record<string, readonly string[]> = {
  CHANNELS, APPEAL_TYPES, APPEAL_URGENCIES, APPEAL_STATUSES, CASE_STATUSES, URGENCIES, SOURCES, RANKING_LEVELS, PERIOD_KINDS,
  CANDIDATE_STATUSES, CANDIDATE_RULE_KINDS, ORGANISATION_LEVELS, MEMBER_STATUSES, REGISTRATION_STATES, ACTIVITY_KINDS, ACTIVITY_AUDIENCES, STATION_FUNCTIONS,
  IMPORT_KINDS, RESIDENT_TAGS,
};

describe("the console's choices against the API's", () => {
  const enums = enumsOf(document);

  it('reads the enums of docs/openapi.json', () => {
    expect(enums.length).toBeGreaterThan(20);
  });

  it.each(Object.entries(CHOICES))('%s is exactly one of the API’s enums', (_name, choices) => {
    const closest = enums.filter((e) => e.some((v) => choices.includes(v))).sort((a, b) => b.filter((v) => choices.includes(v)).length - a.filter((v) => choices.includes(v)).length)[0];
    expect(enums.some((e) => sameSet(e, choices)) ? [...choices].sort() : closest).toEqual([...choices].sort());
  });

  it("names the ranking's parts as the weights' body does (RankingWeightsBody)", () => {
    const body = (document as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }).components.schemas.RankingWeightsBody;
    expect(Object.keys(body.properties ?? {}).sort()).toEqual([...RANKING_PARTS].sort());
  });
});
