// article-card loader: defines the <article-card> element and starts the one wasm instance that
// renders every card on the page. It stays this small on purpose: the card's logic lives in the
// wasm; this file only wires the element's lifecycle to it.
//
// The glue resolves the .wasm relative to its own URL (import.meta.url), so the bundle folder
// works wherever it is copied.
import init, { connect, disconnect } from './article_card.js';

const ready = init();

// A panic in the wasm traps and throws a RuntimeError at whoever called in. The engine's panic
// hook has already put every card in the error state and told the console, so the exception
// carries no news: it is kept from becoming an uncaught error in the host page.
function call(fn, arg) {
  try {
    return fn(arg);
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    return undefined;
  }
}

class ArticleCard extends HTMLElement {
  static get observedAttributes() {
    return ['src'];
  }

  connectedCallback() {
    // While the page is still parsing, an inline JSON child may not exist yet.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#render(), { once: true });
    } else {
      this.#render();
    }
  }

  disconnectedCallback() {
    this.#teardown();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.#id !== undefined) {
      this.#teardown();
      this.#render();
    }
  }

  #id = undefined;

  #render() {
    ready.then(
      () => {
        if (!this.isConnected || this.#id !== undefined) return;
        const id = call(connect, this);
        // An article-card:error listener may have removed the card while it connected.
        if (this.isConnected) this.#id = id;
        else if (id !== undefined) call(disconnect, id);
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
