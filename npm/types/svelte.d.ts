// `<article-card>` in Svelte 5 templates (svelte-check). Load it once, for example in
// src/app.d.ts: `import type {} from 'article-card/types/svelte';`
// Svelte 5 sets `payload` as a property (the element has one) and binds `on` + the event's name.
import type { HTMLAttributes } from 'svelte/elements';
import type {
  ArticleCardElement,
  ArticleCardEventProps,
  ArticleCardProps,
} from '../article-card.js';

/** The attributes of `<article-card>` in a Svelte template. */
export interface ArticleCardSvelteAttributes
  extends HTMLAttributes<ArticleCardElement>,
    ArticleCardProps,
    ArticleCardEventProps {}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'article-card': ArticleCardSvelteAttributes;
  }
}
