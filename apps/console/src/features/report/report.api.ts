import type { Api } from '@/shared/api/client';
import type { ReportResult } from '@/shared/api/types';

/** ReportIncidentRequest's choices (docs/openapi.json). */
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export const SOURCES = ['patrol', 'visit', 'hotline', 'resident', 'department', 'party_station', 'party_committee', 'other'] as const;

/**
 * Who may report (the incidents service's ReportIncidentUseCase decides; this only decides whether the console
 * offers the form: a role left out here is still refused or allowed by the API alone).
 */
const REPORTERS = new Set([
  'admin', 'street_admin', 'community_admin', 'grid_instructor', 'grid_staff', 'grid_partner', 'hotline_operator', 'department',
  'party_secretary', 'building_chief', 'property_staff', 'community_police', 'social_worker',
]);

export const mayReport = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => REPORTERS.has(role));

/** A grid member reports what they found on patrol; anyone else's report is told apart by its source. */
export const defaultSource = (roles: readonly string[] | undefined): (typeof SOURCES)[number] =>
  (roles ?? []).some((role) => role.startsWith('grid_')) ? 'patrol' : 'other';

export interface ReportBody {
  categoryCode: string;
  title: string;
  description: string;
  urgency: string;
  source: string;
  location?: { lat: number; lng: number; address: string };
}

/** POST /incidents with an Idempotency-Key: a retry with the same key and body (after a timeout) creates nothing. */
export const reportCase = (api: Api, body: ReportBody, idempotencyKey: string) => api.post<ReportResult>('/incidents', body, { 'Idempotency-Key': idempotencyKey });
