// Types for the package's main entry, `article-card`. Written by hand for people to read; the
// loader they describe is minified, and nobody's type-checker should need to read it.
// Importing the entry defines <article-card> in a browser (once, however often it is imported)
// and does nothing on a server.

import type { ArticleCardPayloadV1 } from './payload.js';

/**
 * A card's payload, version 1: the JSON the `src` attribute points to, or the object you assign
 * to `payload`. Generated from the same Rust types as the JSON Schema (`article-card schema`).
 */
export type Payload = ArticleCardPayloadV1;

/** `detail` of `article-card-ready`: the card shows its article. */
export interface ArticleCardReadyDetail {
  /** The card's id (the payload's `id`, or a slug of its headline). */
  id: string;
  /** The headline as shown. */
  headline: string;
  /** The card's sections, in order. */
  sections: Array<{ id: string; title: string }>;
}

/** `detail` of `article-card-toggle`: a section opened or closed. */
export interface ArticleCardToggleDetail {
  /** The card's id. */
  id: string;
  /** The section's id. */
  section: string;
  /** The section's title. */
  title: string;
  /** `true` if the section is now open. */
  open: boolean;
}

/** `detail` of `article-card-link`: the reader follows one of the card's links. */
export interface ArticleCardLinkDetail {
  /** The card's id. */
  id: string;
  /** Which link: the "Read the full story" link, or a section's own link. */
  link: 'full-story' | 'section';
  /** The address, resolved as the browser follows it. */
  href: string;
  /** The section's id for a section link; `null` for the full story. */
  section: string | null;
}

/** One reason a card shows its error box. */
export interface ArticleCardProblem {
  /** Where: a path into the payload (`headline`, `sections[2].title`), `payload`, `src` or `card`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

/** `detail` of `article-card-error`: the card ends in the error state. */
export interface ArticleCardErrorDetail {
  /** Every problem found, at once. */
  problems: ArticleCardProblem[];
  /** `true` for an internal error of the card engine, `false` for a bad or unreachable payload. */
  internal: boolean;
}

/**
 * The card's events. Each bubbles and is composed, so a listener on `document` hears every card,
 * and `event.target` is the `<article-card>` element.
 */
export interface ArticleCardEventMap {
  /** The card shows its article (again after each new payload); a pre-rendered card: when the widget takes it over. */
  'article-card-ready': CustomEvent<ArticleCardReadyDetail>;
  /** A section opened or closed, by the reader, a deep link, the find bar or a method. */
  'article-card-toggle': CustomEvent<ArticleCardToggleDetail>;
  /** The reader follows a link. Cancelable: `preventDefault()` stops the navigation. */
  'article-card-link': CustomEvent<ArticleCardLinkDetail>;
  /** The card ends in the error state. */
  'article-card-error': CustomEvent<ArticleCardErrorDetail>;
}

/**
 * `on` + each event's name, as a handler prop: how React 19, Preact and Svelte 5 templates bind
 * the card's events (`onarticle-card-toggle={fn}`). The framework typings build on this.
 */
export type ArticleCardEventProps = {
  [K in keyof ArticleCardEventMap as `on${K}`]?: (event: ArticleCardEventMap[K]) => void;
};

/** The values of the `loading` attribute. */
export type ArticleCardLoading = 'lazy' | 'eager';

/**
 * What a template may set on `<article-card>`: the framework typings (`article-card/types/*`)
 * build on this.
 */
export interface ArticleCardProps {
  /** Address of the payload JSON. Ignored while `payload` is set. */
  src?: string;
  /** `lazy` (default): start near the viewport. `eager`: start when connected. */
  loading?: ArticleCardLoading;
  /** The payload object; must reach the element as a property, not an attribute. */
  payload?: Payload | null;
}

/**
 * `<article-card>`: an embeddable news article card. Give it a payload through the `src`
 * attribute, the `payload` property or an inline `<script type="application/json">` child.
 */
export declare class ArticleCardElement extends HTMLElement {
  /** The attributes the element reacts to: `src` and `loading`. */
  static readonly observedAttributes: string[];

  /**
   * Where the card engine's `.wasm` is fetched from. Set it right after importing the package,
   * in the same module, before the first card starts, to serve the `.wasm` from a CDN.
   * Default: `article_card_bg.wasm` next to the package's glue (found through
   * `new URL('article_card_bg.wasm', import.meta.url)`, which bundlers copy for you).
   */
  static wasmUrl: string | URL;

  /**
   * The payload object the card shows: it wins over `src` and an inline JSON child. Assigning a
   * payload equal to the one shown (the same JSON) does nothing; `null` or `undefined` removes it.
   */
  get payload(): Payload | undefined;
  set payload(value: Payload | null | undefined);

  /** Opens every section, now or as soon as the article renders. */
  expandAll(): void;

  /** Closes every section, now or as soon as the article renders. */
  collapseAll(): void;

  /**
   * Opens one section; an id the card does not have changes nothing.
   * @param sectionId The section's `id` from the payload.
   */
  open(sectionId: string): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-card': ArticleCardElement;
  }
  // The events bubble out of the card: typed wherever a listener may hear them.
  interface HTMLElementEventMap extends ArticleCardEventMap {}
  interface DocumentEventMap extends ArticleCardEventMap {}
  interface WindowEventMap extends ArticleCardEventMap {}
}
