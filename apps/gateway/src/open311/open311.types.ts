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
