// The React component `article-card/react` in a DOM (jsdom), run by tests/npm/react.test.mjs:
// first render, re-render, unmount, and hydration of server-rendered HTML, which is where React
// 19 sets neither properties nor listeners on a custom element. <article-card> is a recording
// stand-in here (the real card needs a browser: the framework example apps drive it in
// Chromium); it is defined before the component imports the package's loader, which, finding
// the tag taken, defines nothing.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { url: 'http://localhost/' });
for (const key of ['window', 'document', 'navigator', 'location', 'HTMLElement', 'Element', 'Node', 'customElements', 'Event', 'CustomEvent']) {
  Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true, writable: true });
}
globalThis.addEventListener = dom.window.addEventListener.bind(dom.window);
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

class RecordingCard extends dom.window.HTMLElement {
  payloads = [];
  listenerCalls = 0;
  #payload;
  get payload() {
    return this.#payload;
  }
  set payload(value) {
    this.payloads.push(value);
    this.#payload = value ?? undefined;
  }
  addEventListener(...args) {
    this.listenerCalls += 1;
    super.addEventListener(...args);
  }
  expandAll() {}
}
dom.window.customElements.define('article-card', RecordingCard);

const { act, createElement, createRef } = await import('react');
const { createRoot, hydrateRoot } = await import('react-dom/client');
const { renderToString } = await import('react-dom/server');
const { ArticleCard } = await import('article-card/react');

const errors = [];
console.error = (...args) => errors.push(args.join(' '));

const story = { version: 1, headline: 'A', source: { name: 'S', url: 'https://example.com/a' } };
const send = (card, type, detail) => card.dispatchEvent(new dom.window.CustomEvent(type, { detail, bubbles: true }));
const container = document.getElementById('root');

// First render: the payload is a property (never an attribute), the ref is the element, and the
// four events reach their props.
const ref = createRef();
const heard = [];
const props = (extra) => ({
  id: 'state-card',
  ref,
  payload: story,
  onReady: (e) => heard.push(['ready', e.detail.id]),
  onToggle: (e) => heard.push(['toggle', e.detail.open]),
  onLink: (e) => heard.push(['link', e.detail.href]),
  onError: (e) => heard.push(['error', e.detail.internal]),
  ...extra,
});
const root = createRoot(container);
await act(() => root.render(createElement(ArticleCard, props())));
const card = container.querySelector('article-card');
assert.ok(card instanceof RecordingCard);
assert.equal(ref.current, card, 'ref is the element');
assert.deepEqual(card.payloads, [story]);
assert.equal(card.getAttribute('payload'), null);
assert.equal(card.id, 'state-card');
send(card, 'article-card-ready', { id: 'a' });
send(card, 'article-card-toggle', { open: true });
send(card, 'article-card-link', { href: 'https://example.com/a' });
send(card, 'article-card-error', { internal: false });
assert.deepEqual(heard.splice(0), [['ready', 'a'], ['toggle', true], ['link', 'https://example.com/a'], ['error', false]]);
const listeners = card.listenerCalls;

// A re-render with new handlers and an equal payload: the latest handler hears the event, no
// listener is added again, and the equal object is passed on (the element ignores it).
const later = [];
const copy = { ...story };
await act(() => root.render(createElement(ArticleCard, props({ payload: copy, onToggle: () => later.push('new') }))));
send(card, 'article-card-toggle', { open: false });
assert.deepEqual(later, ['new']);
assert.deepEqual(heard, []);
assert.equal(card.listenerCalls, listeners, 'listeners are added once per element');
assert.deepEqual(card.payloads, [story, copy]);

// Unmounted: no handler hears the element any more.
await act(() => root.unmount());
send(card, 'article-card-toggle', { open: true });
assert.deepEqual(later, ['new']);

// A `src` card: no payload is ever assigned, so nothing restarts it.
const srcRoot = createRoot(container);
await act(() => srcRoot.render(createElement(ArticleCard, { src: 'story.json', loading: 'eager' })));
const srcCard = container.querySelector('article-card');
assert.deepEqual(srcCard.payloads, []);
assert.equal(srcCard.getAttribute('src'), 'story.json');
await act(() => srcRoot.unmount());

// Hydration of the server's HTML: the payload and the listeners arrive after hydration.
const element = createElement(ArticleCard, props());
container.innerHTML = renderToString(element);
const hydrated = container.querySelector('article-card');
assert.deepEqual(hydrated.payloads, [], 'nothing before hydration');
await act(() => hydrateRoot(container, element));
assert.equal(container.querySelector('article-card'), hydrated, 'hydration keeps the server element');
assert.deepEqual(hydrated.payloads, [story]);
send(hydrated, 'article-card-ready', { id: 'h' });
assert.deepEqual(heard.splice(0), [['ready', 'h']]);
assert.equal(ref.current, hydrated);

assert.deepEqual(errors, [], 'React reported errors (a hydration mismatch?)');
console.log('ok');
