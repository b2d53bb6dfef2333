// `<article-card>` in Preact JSX. Load it once: `import type {} from 'article-card/types/preact';`
// Preact sets `payload` as a property (the element has one) and binds `on` + the event's name.
import type { HTMLAttributes } from 'preact';
import type {
  ArticleCardElement,
  ArticleCardEventProps,
  ArticleCardProps,
} from '../article-card.js';

/** The props of `<article-card>` in Preact JSX. */
export interface ArticleCardJsxProps
  extends HTMLAttributes<ArticleCardElement>,
    ArticleCardProps,
    ArticleCardEventProps {
  // Preact's own `loading` is for <img>; the card's has the same two values.
  loading?: ArticleCardProps['loading'];
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'article-card': ArticleCardJsxProps;
    }
  }
}
