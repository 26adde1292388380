/** The demo users live in @gridline/auth: the gateway's development sign-in lists them too. */
export { DEMO_USERS } from '@gridline/auth';
