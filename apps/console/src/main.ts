import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { elementPlus } from './element-plus';

createApp(App).use(createPinia()).use(router).use(i18n).use(elementPlus).mount('#app');
