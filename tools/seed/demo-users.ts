import type { DevTokenInput } from '@gridline/auth';
import { DEMO_STREET_CODE } from './demo-street';

/** A handful of demo users (users live in the identity provider; these are their token claims). */
export const DEMO_USERS: (DevTokenInput & { title: string })[] = [
  { title: 'Platform administrator', sub: 'demo-admin', name: '平台管理员', roles: ['admin'], units: [] },
  { title: 'Street grid centre', sub: 'demo-street', name: '东城街道网格中心', roles: ['street_admin', 'analyst'], units: [DEMO_STREET_CODE] },
  { title: 'Community grid centre (文汇社区)', sub: 'demo-community', name: '文汇社区网格中心', roles: ['community_admin'], units: [`${DEMO_STREET_CODE}001`] },
  { title: 'Grid staff (文汇社区第1网格)', sub: 'demo-grid-staff', name: '网格员', roles: ['grid_staff'], units: [`${DEMO_STREET_CODE}001001`] },
  { title: 'Hotline operator', sub: 'demo-hotline', name: '12345 话务员', roles: ['hotline_operator'], units: [DEMO_STREET_CODE] },
];
