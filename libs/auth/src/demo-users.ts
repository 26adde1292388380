import type { DevTokenInput } from './jwt';

/** The demo street (东城街道) the demo users work in; the seed builds it (tools/seed/demo-street). */
const DEMO_STREET = '370502003';

/**
 * The demo users (users live in the identity provider; these are their token claims): what `npm start` prints a token
 * for, and what the console's development sign-in lists (GET /api/v1/dev/demo-users, never in production).
 */
export const DEMO_USERS: (DevTokenInput & { title: string })[] = [
  { title: 'Platform administrator', sub: 'demo-admin', name: '平台管理员', roles: ['admin'], units: [] },
  { title: 'Street grid centre', sub: 'demo-street', name: '东城街道网格中心', roles: ['street_admin', 'analyst'], units: [DEMO_STREET] },
  { title: 'Community grid centre (文汇社区)', sub: 'demo-community', name: '文汇社区网格中心', roles: ['community_admin'], units: [`${DEMO_STREET}001`] },
  { title: 'Grid staff (文汇社区第1网格), a party member', sub: 'demo-grid-staff', name: '网格员', roles: ['grid_staff', 'party_member'], units: [`${DEMO_STREET}001001`] },
  { title: 'Party secretary (中共文汇社区委员会, directs its grid centre)', sub: 'demo-party-secretary', name: '文汇社区党委书记', roles: ['party_secretary'], units: [`${DEMO_STREET}001`] },
  { title: 'Party member (文汇社区第1网格党支部)', sub: 'demo-party-member', name: '党员', roles: ['party_member'], units: [] },
  { title: 'Hotline operator', sub: 'demo-hotline', name: '12345 话务员', roles: ['hotline_operator'], units: [DEMO_STREET] },
];
