// Types <article-card> in Svelte templates for svelte-check: its attributes, `payload`, and the
// `onarticle-card-*` event attributes with their typed `detail`.
import type {} from 'article-card/types/svelte';
