// `<article-card>` in React 19 JSX (also what Next.js type-checks). Load it once, for example
// in a .d.ts of your app: `import type {} from 'article-card/types/react';`
// React 19 sets `payload` as a property on the defined element; events are `on` + the event's
// name, as React 19 passes such props on to addEventListener.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  ArticleCardElement,
  ArticleCardEventProps,
  ArticleCardProps,
} from '../article-card.js';

/** The props of `<article-card>` in React JSX. */
export interface ArticleCardJsxProps
  extends DetailedHTMLProps<HTMLAttributes<ArticleCardElement>, ArticleCardElement>,
    ArticleCardProps,
    ArticleCardEventProps {}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'article-card': ArticleCardJsxProps;
    }
  }
}
