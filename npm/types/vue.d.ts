// `<article-card>` in Vue 3 templates (vue-tsc, Volar). Load it once, for example in
// src/env.d.ts: `import type {} from 'article-card/types/vue';`
// At run time Vue must also be told the tag is a custom element: `isCustomElement` in the
// compiler options (docs/frameworks.md). Vue sets `payload` as a property once the element is
// defined; events are `@article-card-ready="fn"`.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ArticleCardElement, ArticleCardEventMap, ArticleCardProps } from '../article-card.js';

/** What vue-tsc checks a template's `<article-card>` against: its props and its events. */
export type ArticleCardVueElement = new () => ArticleCardElement & {
  /** For template type-checking only: not a member of the element. */
  $props: HTMLAttributes & ArticleCardProps & PublicProps;
  /** For template type-checking only: not a member of the element. */
  $emit: EmitFn<{ [K in keyof ArticleCardEventMap]: (event: ArticleCardEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'article-card': ArticleCardVueElement;
  }
}
