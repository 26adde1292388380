import { createRouter, createWebHistory } from 'vue-router';
import { mayDecideCandidates } from './features/candidates/candidates.api';
import { mayKeepRankingWeights } from './features/rankings/rankings.api';
import { useSessionStore } from './shared/session/session.store';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/cases' },
    { path: '/sign-in', component: () => import('./features/sign-in/SignInView.vue'), meta: { public: true } },
    { path: '/sign-in/callback', component: () => import('./features/sign-in/SignInCallbackView.vue'), meta: { public: true } },
    { path: '/cases', component: () => import('./features/cases/CaseListView.vue') },
    { path: '/cases/new', component: () => import('./features/report/ReportCaseView.vue') },
    { path: '/cases/:id', component: () => import('./features/cases/CaseDetailView.vue'), props: true },
    { path: '/supervision', component: () => import('./features/supervision/SupervisionView.vue') },
    { path: '/hotline', component: () => import('./features/hotline/AppealListView.vue') },
    { path: '/hotline/new', component: () => import('./features/hotline/AppealIntakeView.vue') },
    { path: '/hotline/callbacks', component: () => import('./features/hotline/AppealListView.vue'), props: { callbacks: true } },
    { path: '/hotline/appeals/:id', component: () => import('./features/hotline/AppealDetailView.vue'), props: true },
    { path: '/registers', component: () => import('./features/registers/RegistersView.vue'), props: { register: '' } },
    { path: '/registers/import', component: () => import('./features/registers/ImportView.vue') },
    { path: '/registers/:register(residents|households|buildings|businesses)', component: () => import('./features/registers/RegistersView.vue'), props: true },
    { path: '/registers/:register(residents|households|buildings|businesses)/new', component: () => import('./features/registers/RecordCreateView.vue'), props: true },
    { path: '/registers/:register(residents|households|buildings|businesses)/:id', component: () => import('./features/registers/RecordDetailView.vue'), props: true },
    { path: '/map', component: () => import('./features/map/MapView.vue') },
    { path: '/party', component: () => import('./features/party/PartyView.vue') },
    { path: '/party/me', component: () => import('./features/party/MyPartyView.vue') },
    { path: '/party/activities/new', component: () => import('./features/party/ActivityCreateView.vue') },
    { path: '/party/activities/:id', component: () => import('./features/party/ActivityDetailView.vue'), props: true },
    { path: '/party/members/:id', component: () => import('./features/party/MemberDetailView.vue'), props: true },
    { path: '/party/stations/:id', component: () => import('./features/party/StationDetailView.vue'), props: true },
    { path: '/party/:tab(organisations|members|registrations|activities|stations)', component: () => import('./features/party/PartyView.vue'), props: true },
    // The screens below take the API client (and what the user may do) as props: their specs mount them with a stubbed one.
    { path: '/figures', component: () => import('./features/figures/components/FiguresDashboard.vue'), props: () => ({ api: useSessionStore().api }) },
    // 大屏: full-screen, without the console's bar (App.vue draws a `bare` route alone).
    { path: '/wall', component: () => import('./features/wall/WallScreen.vue'), props: () => ({ api: useSessionStore().api }), meta: { bare: true } },
    {
      path: '/rankings',
      component: () => import('./features/rankings/components/RankingsScreen.vue'),
      props: () => ({ api: useSessionStore().api, mayKeepWeights: mayKeepRankingWeights(useSessionStore().user?.roles) }),
    },
    {
      path: '/candidates',
      component: () => import('./features/candidates/components/CandidatesScreen.vue'),
      props: () => ({ api: useSessionStore().api, mayDecide: mayDecideCandidates(useSessionStore().user?.roles) }),
    },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !useSessionStore().signedIn) return { path: '/sign-in', query: { next: to.fullPath } };
  return true;
});
