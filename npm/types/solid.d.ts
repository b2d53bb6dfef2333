// `<article-card>` in Solid JSX. Load it once: `import type {} from 'article-card/types/solid';`
// Solid sets props of a custom element as properties, so `payload={story}` reaches the card;
// events use Solid's `on:` form: `on:article-card-ready={fn}`.
import type { JSX } from 'solid-js';
import type {
  ArticleCardElement,
  ArticleCardEventMap,
  ArticleCardProps,
  Payload,
} from '../article-card.js';

/** The props of `<article-card>` in Solid JSX. */
export interface ArticleCardJsxProps extends JSX.HTMLAttributes<ArticleCardElement>, ArticleCardProps {}

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'article-card': ArticleCardJsxProps;
    }
    // `on:article-card-ready={fn}` and the other three, with a typed `detail`.
    interface CustomEvents extends Pick<ArticleCardEventMap, keyof ArticleCardEventMap> {}
    // `prop:payload={story}`, to say so explicitly.
    interface ExplicitProperties {
      payload: Payload | null | undefined;
    }
  }
}
