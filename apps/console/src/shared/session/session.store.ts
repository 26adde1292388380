import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiClient } from '../api/client';
import type { DemoUser } from '../api/types';

const KEY = 'gridline.session';

/** The signed-in user and its token (kept in sessionStorage: a tab's own, gone when it closes). */
export const useSessionStore = defineStore('session', () => {
  const saved = sessionStorage.getItem(KEY);
  const user = ref<Omit<DemoUser, 'token'> | null>(saved ? (JSON.parse(saved) as DemoUser) : null);
  const token = ref<string | null>(saved ? (JSON.parse(saved) as DemoUser).token : null);
  const signedIn = computed(() => token.value !== null);

  function signIn(demo: DemoUser): void {
    user.value = demo;
    token.value = demo.token;
    sessionStorage.setItem(KEY, JSON.stringify(demo));
  }

  function signOut(): void {
    user.value = null;
    token.value = null;
    sessionStorage.removeItem(KEY);
  }

  const api = new ApiClient(() => token.value, signOut);
  return { user, token, signedIn, signIn, signOut, api };
});
