// The main entry's types in plain TypeScript: the class, the tag map, the events on the element,
// on document and on window, the payload type and wasmUrl.
import { ArticleCardElement, type ArticleCardEventMap, type Payload } from 'article-card';
import { story } from '../story.js';

ArticleCardElement.wasmUrl = new URL('https://cdn.example.com/article_card_bg.wasm');
ArticleCardElement.wasmUrl = '/assets/article_card_bg.wasm';
// @ts-expect-error wasmUrl is a string or a URL
ArticleCardElement.wasmUrl = 42;

const card = document.createElement('article-card');
const same: ArticleCardElement = card;
const found: ArticleCardElement | null = document.querySelector('article-card');
card.payload = story;
card.payload = null;
card.payload = undefined;
const shown: Payload | undefined = card.payload;
card.expandAll();
card.collapseAll();
card.open('why');
// @ts-expect-error open takes a section id
card.open();
// @ts-expect-error a payload needs a headline
card.payload = { version: 1, source: { name: 'x', url: 'https://example.com/' }, sections: [] };
// @ts-expect-error the payload version is the number 1
card.payload = { ...story, version: 2 };
// @ts-expect-error unknown payload members are most likely typos
card.payload = { ...story, headlnie: 'typo' };

card.addEventListener('article-card-ready', (event) => {
  const ids: string[] = event.detail.sections.map((section) => section.id);
  const headline: string = event.detail.headline;
  void ids, headline;
});
document.addEventListener('article-card-toggle', (event) => {
  const open: boolean = event.detail.open;
  // @ts-expect-error a toggle's detail has no `opened`
  void event.detail.opened;
  void open;
});
window.addEventListener('article-card-link', (event) => {
  const kind: 'full-story' | 'section' = event.detail.link;
  const section: string | null = event.detail.section;
  event.preventDefault();
  void kind, section;
});
document.body.addEventListener('article-card-error', (event) => {
  const paths: string[] = event.detail.problems.map((problem) => problem.path);
  const internal: boolean = event.detail.internal;
  // @ts-expect-error an error's detail has no `message`; each problem has one
  void event.detail.message;
  void paths, internal;
});

type Names = keyof ArticleCardEventMap;
const names: Names[] = ['article-card-ready', 'article-card-toggle', 'article-card-link', 'article-card-error'];
// @ts-expect-error the old colon names are gone
const old: Names = 'article-card:ready';
void same, found, shown, names, old;
