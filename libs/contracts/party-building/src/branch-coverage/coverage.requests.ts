import { defineRequest } from '@gridline/messaging/contracts';
import type { CoverageQuery } from './coverage.dto';
import type { CoverageView } from './coverage.types';

/** The coverage of the grid by branches (spread into PARTY_BUILDING_REQUESTS). */
export const COVERAGE_REQUESTS = {
  getCoverage: defineRequest<CoverageQuery, CoverageView>('party-building', 'party-building.coverage.get'),
} as const;
