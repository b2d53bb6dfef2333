import type {} from 'article-card/types/svelte';
