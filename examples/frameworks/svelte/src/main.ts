// Load order: the package is imported before the app mounts, so <article-card> is defined by the
// time Svelte creates the elements and every binding reaches the element's own setters.
import 'article-card';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the example into');
mount(App, { target });
