import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type { EndRegistrationRequest, ListRegistrationsQuery, MyRegistrationsQuery, RegistrationIdRequest, RejectRegistrationRequest, SubmitRegistrationRequest } from './registration.dto';
import type { RegistrationHandoffDetails, RegistrationView } from './registration.types';

/** Dual registration's commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const REGISTRATION_REQUESTS = {
  submitRegistration: defineRequest<SubmitRegistrationRequest, RegistrationView>('party-building', 'party-building.registration.submit'),
  approveRegistration: defineRequest<RegistrationIdRequest, RegistrationView>('party-building', 'party-building.registration.approve'),
  rejectRegistration: defineRequest<RejectRegistrationRequest, RegistrationView>('party-building', 'party-building.registration.reject'),
  endRegistration: defineRequest<EndRegistrationRequest, RegistrationView>('party-building', 'party-building.registration.end'),
  getRegistration: defineRequest<RegistrationIdRequest, RegistrationView>('party-building', 'party-building.registration.get'),
  listRegistrations: defineRequest<ListRegistrationsQuery, OffsetPage<RegistrationView>>('party-building', 'party-building.registration.list'),
  myRegistrations: defineRequest<MyRegistrationsQuery, OffsetPage<RegistrationView>>('party-building', 'party-building.registration.mine'),
  /** Only for the registry acting for itself (`svc:registry`): the member's name for the hand-off. */
  registrationHandoff: defineRequest<RegistrationIdRequest, RegistrationHandoffDetails>('party-building', 'party-building.registration.handoff'),
} as const;
