import { createApp } from 'vue';
import App from './App.vue';
// Types <fiskil-link> in templates: props, attributes and event details.
import type {} from 'fiskil-link/types/vue';

createApp(App).mount('#app');
