// The public API of <article-card>, written down once: the Custom Elements Manifest
// (custom-elements.json, read by IDEs, Storybook and framework tooling) is generated from it,
// tests/npm checks the hand-written article-card.d.ts declares the same members and events, and
// tests/e2e/manifest.test.mjs checks it against the live element both ways (all of it exists,
// and nothing the element has is missing from it). Change the element, then this list.

/** The tag, and the class the package's main entry exports. */
export const tagName = 'article-card';
export const className = 'ArticleCardElement';
/** The module (in the package) that defines the element and exports the class. */
export const modulePath = 'article-card.js';

export const attributes = [
  {
    name: 'src',
    type: 'string',
    description:
      'Address of the payload JSON, fetched when the card starts. Ignored while a `payload` property is set.',
  },
  {
    name: 'loading',
    type: "'lazy' | 'eager'",
    default: "'lazy'",
    description:
      '`lazy`: the card starts when it comes near the viewport. `eager`: it starts as soon as it is connected.',
  },
];

export const properties = [
  {
    name: 'payload',
    type: 'Payload | null | undefined',
    description:
      'The payload object to show (it wins over `src` and an inline JSON child). Assigning an equal payload (same JSON) does nothing; `null` or `undefined` removes it.',
  },
  {
    name: 'wasmUrl',
    static: true,
    type: 'string | URL',
    description:
      "Where the card engine's .wasm is fetched from. Set it right after importing the package, before the first card starts, to serve the .wasm from a CDN. Default: article_card_bg.wasm next to the package's glue.",
  },
];

export const methods = [
  { name: 'expandAll', parameters: [], description: 'Opens every section, now or as soon as the article renders.' },
  { name: 'collapseAll', parameters: [], description: 'Closes every section, now or as soon as the article renders.' },
  {
    name: 'open',
    parameters: [{ name: 'sectionId', type: 'string', description: "The section's `id` from the payload." }],
    description: 'Opens one section; an id the card does not have changes nothing.',
  },
];

/** Every event bubbles and is composed: one listener on `document` hears every card. */
export const events = [
  {
    name: 'article-card-ready',
    detail: 'ArticleCardReadyDetail',
    description: 'The card shows its article (again after each new payload); a pre-rendered card: when the widget takes it over.',
  },
  {
    name: 'article-card-toggle',
    detail: 'ArticleCardToggleDetail',
    description: 'A section opened or closed (by the reader, a deep link, the find bar or a method).',
  },
  {
    name: 'article-card-link',
    detail: 'ArticleCardLinkDetail',
    description: "The reader follows one of the card's links. Cancelable: `preventDefault()` stops the navigation.",
  },
  {
    name: 'article-card-error',
    detail: 'ArticleCardErrorDetail',
    description: 'The card ends in the error state (an invalid or unreachable payload, or an internal error).',
  },
];

export const cssParts = [
  { name: 'card', description: 'The card itself: the `<article>` box (ready).' },
  { name: 'source', description: 'The source name above the headline (ready).' },
  { name: 'headline', description: 'The headline (ready).' },
  { name: 'quote', description: 'The pull quote with its attribution (ready, when the payload has a quote).' },
  { name: 'section-toggle', description: "Each section's title button (ready, with sections)." },
  { name: 'section-panel', description: "Each section's body; closed panels are hidden (ready, with sections)." },
  { name: 'link', description: 'The "Read the full story" link at the foot of the card (ready).' },
  { name: 'expand-all', description: 'The "Expand all" / "Collapse all" button (ready, with two or more sections).' },
  { name: 'loading', description: 'The placeholder shown while the payload loads.' },
  { name: 'error', description: 'The box shown in place of a card whose payload cannot be fetched or is invalid.' },
  { name: 'retry', description: 'The "Try again" button in the error box (for a card with `src`).' },
];

export const cssProperties = [
  { name: '--article-card-font', syntax: '*', default: 'inherit', description: "The font family of all the card's text." },
  { name: '--article-card-font-size', syntax: '<length>', default: 'medium', description: 'The base size; every size inside the card is in em.' },
  { name: '--article-card-background', syntax: '<color>', default: 'light-dark(#ffffff, #1f1e1d)', description: 'The background of the card, the loading placeholder and the "Try again" button.' },
  { name: '--article-card-text', syntax: '<color>', default: 'light-dark(#1c1b1a, #f1eeea)', description: "The card's text." },
  { name: '--article-card-muted', syntax: '<color>', default: 'light-dark(#57534e, #bdb7b0)', description: 'Dek, byline, dates, reading times, quote attribution, the loading text.' },
  { name: '--article-card-accent', syntax: '<color>', default: 'light-dark(#a4231c, #ff9b8f)', description: 'Source name, the full-story link, "Expand all", a hovered section title.' },
  { name: '--article-card-border', syntax: '<color>', default: 'light-dark(#e2ded8, #3b3937)', description: "The card's border and the lines between sections." },
  { name: '--article-card-quote-bar', syntax: '<color>', default: 'var(--article-card-accent)', description: 'The bar beside the pull quote.' },
  { name: '--article-card-focus', syntax: '<color>', default: 'light-dark(#1a5fb4, #8ab4f8)', description: 'The keyboard focus ring of every button and link in the card.' },
  { name: '--article-card-radius', syntax: '<length>', default: '12px', description: 'Corner radius of the card, the loading placeholder and the error box.' },
  { name: '--article-card-space', syntax: '<length>', default: 'clamp(1em, 0.5em + 3cqi, 1.75em)', description: 'Padding inside the card and the loading placeholder.' },
  { name: '--article-card-max-width', syntax: '<length>', default: '42em', description: 'The widest the element grows.' },
];

const type = (text) => (text ? { type: { text } } : {});

/**
 * The Custom Elements Manifest (schema 2.1) for the package. `api` defaults to this module's
 * lists; tests pass a copy with an entry removed to show their check notices.
 */
export function customElementsManifest(api = { attributes, properties, methods, events, cssParts, cssProperties }) {
  const declaration = {
    kind: 'class',
    name: className,
    tagName,
    customElement: true,
    description:
      'An embeddable news article card. Give it a payload through the `src` attribute, the `payload` property or an inline `<script type="application/json">` child.',
    superclass: { name: 'HTMLElement', package: 'global:' },
    attributes: api.attributes.map((a) => ({
      name: a.name,
      description: a.description,
      ...type(a.type),
      ...(a.default ? { default: a.default } : {}),
    })),
    members: [
      ...api.properties.map((p) => ({
        kind: 'field',
        name: p.name,
        ...(p.static ? { static: true } : {}),
        description: p.description,
        ...type(p.type),
      })),
      ...api.methods.map((m) => ({
        kind: 'method',
        name: m.name,
        description: m.description,
        parameters: m.parameters.map((p) => ({ name: p.name, description: p.description, ...type(p.type) })),
        return: { type: { text: 'void' } },
      })),
    ],
    events: api.events.map((e) => ({ name: e.name, description: e.description, type: { text: `CustomEvent<${e.detail}>` } })),
    cssParts: api.cssParts.map((p) => ({ name: p.name, description: p.description })),
    cssProperties: api.cssProperties.map((p) => ({
      name: p.name,
      description: p.description,
      syntax: p.syntax,
      default: p.default,
    })),
  };
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: modulePath,
        declarations: [declaration],
        exports: [
          { kind: 'js', name: className, declaration: { name: className, module: modulePath } },
          { kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: modulePath } },
        ],
      },
    ],
  };
}
