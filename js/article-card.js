// article-card loader: defines the <article-card> element and starts the one wasm instance that
// renders every card on the page. It stays this small on purpose: the card's logic lives in the
// wasm; this file only wires the element's lifecycle, properties and methods to it.
//
// The glue resolves the .wasm relative to its own URL (import.meta.url), so the bundle folder
// works wherever it is copied.
import init, { command, connect, disconnect } from './article_card.js';

// The engine (the .wasm, most of the bundle's bytes) is fetched when the first card needs it,
// not when the page loads: a reader who never scrolls down to a lazy card never downloads it.
let started;
const engine = () => (started ??= init());

// A panic in the wasm traps and throws a RuntimeError at whoever called in. The engine's panic
// hook has already put every card in the error state and told the console, so the exception
// carries no news: it is kept from becoming an uncaught error in the host page.
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    return undefined;
  }
}

// A section address (`#<card-id>--<section-id>`) in the URL: a card far down the page must
// render now, or the section it names would not exist to scroll to.
const deepLink = () => location.hash.includes('--');

class ArticleCard extends HTMLElement {
  static observedAttributes = ['src', 'loading'];

  // Cards waiting to come near the viewport, and the one observer that watches them all.
  static #waiting = new Set();
  static #observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) if (entry.isIntersecting) entry.target.#wake();
          },
          { rootMargin: '100% 0px' },
        )
      : null;

  static {
    // Printing and deep links need every card, not only those near the viewport.
    const wakeAll = () => ArticleCard.#waiting.forEach((card) => card.#wake());
    addEventListener('beforeprint', wakeAll);
    addEventListener('hashchange', () => deepLink() && wakeAll());
  }

  #id = undefined;
  #payload = undefined;
  #command = undefined;
  // Upgrading: a payload was taken over from before the element was defined.
  #adopted = false;

  constructor() {
    super();
    // A page script may set `payload` before this module ran (module scripts run last): that
    // made a plain property on the element, which would hide the setter. Take it over.
    if (Object.hasOwn(this, 'payload')) {
      const value = this.payload;
      delete this.payload;
      this.#payload = value ?? undefined;
      this.#adopted = true;
    }
  }

  connectedCallback() {
    this.#adopted = false;
    const observer = ArticleCard.#observer;
    if (this.getAttribute('loading') === 'eager' || !observer || deepLink()) {
      this.#start();
    } else {
      ArticleCard.#waiting.add(this);
      observer.observe(this);
    }
  }

  disconnectedCallback() {
    this.#unwatch();
    this.#teardown();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'loading') {
      if (newValue === 'eager' && ArticleCard.#waiting.has(this)) this.#wake();
      return;
    }
    // A new address replaces a payload set from script: the last one set is shown. Not the
    // address the element already had when it was upgraded: the script set its payload later.
    if (!this.#adopted) this.#payload = undefined;
    this.#restart();
  }

  /** The payload object this card shows when set from script; setting it re-renders. */
  get payload() {
    return this.#payload;
  }

  set payload(value) {
    this.#payload = value ?? undefined;
    this.#restart();
  }

  expandAll() {
    this.#send('expand');
  }

  collapseAll() {
    this.#send('collapse');
  }

  open(sectionId) {
    this.#send('open', String(sectionId));
  }

  // A method called before the card is connected is kept (the last one) and applied then.
  #send(action, section) {
    if (this.#id === undefined) this.#command = [action, section];
    else call(command, this.#id, action, section);
  }

  #wake() {
    this.#unwatch();
    if (this.isConnected) this.#start();
  }

  #unwatch() {
    if (ArticleCard.#waiting.delete(this)) ArticleCard.#observer.unobserve(this);
  }

  #restart() {
    if (this.#id === undefined) return;
    this.#teardown();
    this.#render();
  }

  #start() {
    // While the page is still parsing, an inline JSON child may not exist yet.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#render(), { once: true });
    } else {
      this.#render();
    }
  }

  #render() {
    engine().then(
      () => {
        if (!this.isConnected || this.#id !== undefined) return;
        const id = call(connect, this, this.#payload);
        // An event listener may have removed the card while it connected.
        if (!this.isConnected) {
          if (id !== undefined) call(disconnect, id);
          return;
        }
        this.#id = id;
        if (this.#command && id !== undefined) call(command, id, ...this.#command);
        this.#command = undefined;
      },
      (error) => {
        this.setAttribute('data-state', 'error');
        console.error('article-card: the card engine could not start', error);
        const problems = [{ path: 'card', message: `the card engine could not start (${error})` }];
        this.dispatchEvent(
          new CustomEvent('article-card:error', {
            bubbles: true,
            composed: true,
            detail: { problems, internal: true },
          }),
        );
      },
    );
  }

  #teardown() {
    if (this.#id !== undefined) {
      call(disconnect, this.#id);
      this.#id = undefined;
    }
  }
}

if (!customElements.get('article-card')) {
  customElements.define('article-card', ArticleCard);
}
