import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import './shared/theme.css';

createApp(App).use(createPinia()).mount('#app');
