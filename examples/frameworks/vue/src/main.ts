// The package is imported before the app mounts, so <article-card> is defined by the time Vue
// creates it and `:payload.prop` reaches the element's property setter.
import 'article-card';
// Types <article-card> in templates (attributes, the payload property, @article-card-* events).
import type {} from 'article-card/types/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
