/** The resources of GeoReport v2 in their JSON shape (the XML is the same, element for property). */

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
};

/** A service attribute as GeoReport v2 defines it: what a request of the service says besides place and text. */
export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
};

export type Open311ServiceDefinition = {
  service_code: string;
  /** The category's details; empty for one that asks for no more than the request itself. */
  attributes: Open311Attribute[];
};

export type Open311Discovery = {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[];
};

export type Open311Status = 'open' | 'closed';

export type Open311ServiceRequest = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

export type Open311CreatedRequest = {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
};

/**
 * The statuses of FixMyStreet's Open311 updates extension (lower case in GET servicerequestupdates, upper case in
 * what its clients POST); `open` and `closed` are GeoReport v2's own.
 */
export const OPEN311_UPDATE_STATUSES = [
  'open',
  'closed',
  'fixed',
  'in_progress',
  'action_scheduled',
  'investigating',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
  'reopen',
  'for_triage',
] as const;
export type Open311UpdateStatus = (typeof OPEN311_UPDATE_STATUSES)[number];

/** One update of FixMyStreet's GET servicerequestupdates (`<service_request_updates><request_update>`). */
export type Open311ServiceRequestUpdate = {
  update_id: string;
  service_request_id: string;
  status: Open311UpdateStatus;
  updated_datetime: string;
  description: string;
  media_url: string | null;
  /** The appeal's own state after the update (received, dispatched, signed, answered, closed, merged). */
  external_status_code: string;
};

/** What POST servicerequestupdates answers: the update's id, and what became of it. */
export type Open311CreatedUpdate = {
  update_id: string;
  service_notice: string;
};
