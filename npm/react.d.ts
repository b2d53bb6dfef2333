// Types for `article-card/react`, the React 19 component for <article-card>.
import type { HTMLAttributes, ReactElement, Ref } from 'react';
import type {
  ArticleCardElement,
  ArticleCardErrorDetail,
  ArticleCardLinkDetail,
  ArticleCardProps as ArticleCardElementProps,
  ArticleCardReadyDetail,
  ArticleCardToggleDetail,
} from './article-card.js';

/**
 * The element's own props and events; every other prop an HTML element takes (`id`,
 * `className`, `style`, `aria-*`, `data-*`, React's event props) is passed on to the tag.
 * `onError` and `onToggle` here are the card's events, not React's media and `<details>` ones.
 */
export interface ArticleCardProps
  extends ArticleCardElementProps,
    Omit<HTMLAttributes<ArticleCardElement>, 'onError' | 'onToggle' | 'children' | 'dangerouslySetInnerHTML'> {
  /** Reaches the `<article-card>` element, for `expandAll()`, `collapseAll()` and `open()`. */
  ref?: Ref<ArticleCardElement>;
  /** `article-card-ready`: the card shows its article. */
  onReady?: (event: CustomEvent<ArticleCardReadyDetail>) => void;
  /** `article-card-toggle`: a section opened or closed. */
  onToggle?: (event: CustomEvent<ArticleCardToggleDetail>) => void;
  /** `article-card-link`: the reader follows a link; `event.preventDefault()` stops it. */
  onLink?: (event: CustomEvent<ArticleCardLinkDetail>) => void;
  /** `article-card-error`: the card ends in the error state. */
  onError?: (event: CustomEvent<ArticleCardErrorDetail>) => void;
}

/**
 * `<article-card>` for React 19, safe under server rendering and hydration: the server prints
 * the tag with its attributes; in the browser the payload is set as
 * a property and the listeners are added on the element in an effect, and then the element is
 * defined (the package's loader is imported from an effect, so a server-rendered card starts
 * only once it has both).
 */
export declare function ArticleCard(props: ArticleCardProps): ReactElement;
