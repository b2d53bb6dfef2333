// `<article-card>` in Preact JSX. Load it once: `import type {} from 'article-card/types/preact';`
// Preact sets `payload` as a property (the element has one) and binds `on` + the event's name.
import type { HTMLAttributes } from 'preact';
import type {
  ArticleCardElement,
  ArticleCardErrorDetail,
  ArticleCardLinkDetail,
  ArticleCardProps,
  ArticleCardReadyDetail,
  ArticleCardToggleDetail,
} from '../article-card.js';

/** The props of `<article-card>` in Preact JSX. */
export interface ArticleCardJsxProps extends HTMLAttributes<ArticleCardElement>, ArticleCardProps {
  // Preact's own `loading` is for <img>; the card's has the same two values.
  loading?: ArticleCardProps['loading'];
  'onarticle-card-ready'?: (event: CustomEvent<ArticleCardReadyDetail>) => void;
  'onarticle-card-toggle'?: (event: CustomEvent<ArticleCardToggleDetail>) => void;
  'onarticle-card-link'?: (event: CustomEvent<ArticleCardLinkDetail>) => void;
  'onarticle-card-error'?: (event: CustomEvent<ArticleCardErrorDetail>) => void;
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'article-card': ArticleCardJsxProps;
    }
  }
}
