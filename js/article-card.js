// article-card loader: defines the <article-card> element and starts the one wasm instance that
// renders every card on the page. It stays this small on purpose: the card's logic lives in the
// wasm; this file only wires the element's lifecycle, properties and methods to it.
//
// It may be imported anywhere: in a server render, a test runner or an edge function (no DOM) it
// defines nothing and throws nothing, so a framework app can import it from any module.
const TAG = 'article-card';
// The events this file sends itself: the engine could not start, or failed (`internal`); and,
// for a sleeping card (see below), a section opened or closed and a link followed. When the
// engine runs, it sends them (src/embed/events.rs, where each `detail` is described).
const ERROR_EVENT = 'article-card-error';
const TOGGLE_EVENT = 'article-card-toggle';
const LINK_EVENT = 'article-card-link';
// A trap stops the engine and every card shows an error, then the engine restarts and the cards
// render again; the third trap within a minute leaves them in the error state (a bug that
// strikes on every render would otherwise restart the engine for ever).
const MAX_TRAPS = 3;
const TRAP_WINDOW_MS = 60_000;

// The pre-rendered markup (`article-card render`) that a sleeping card reads and changes: the
// view's own names (src/view/card.rs, section.rs), each written only here.
const ROOT = '.root';
const SECTION = '[data-section-id]';
const TOGGLE = '.section__toggle';
const TITLE = '.section__title';
const EXPAND_ALL = '.card__expand';
const EXPANDED = 'aria-expanded';
const CONTROLS = 'aria-controls';
// An open section's permalink (section.rs), and where its label is (card.rs).
const PERMALINK = 'section__permalink';
const PERMALINK_LINK = 'section__link';
const PERMALINK_LABEL = '[data-section-link]';
// The headline's id is the article's id and this (src/view/card.rs, `headline_id`).
const HEADLINE_ID = '---headline';
// Marks the class of any copy of this module, so a second copy (another URL, another bundle)
// recognises the element the first one defined and exports that class instead of its own.
const BRAND = Symbol.for('article-card.element');

// The engine (the .wasm, most of the bundle's bytes) is fetched when the first card needs it,
// not when the page loads: a reader who never scrolls down to a lazy card never downloads it.
// Its two files are requested together, the glue by a dynamic import and the .wasm by fetch,
// so neither waits for the other (the glue compiles the .wasm as it streams in); a card's
// payload is already on its way by then (`request` below).
// Started a microtask late, so that `ArticleCardElement.wasmUrl`, set by the importing module
// right after the import, is read even when an eager card is upgraded while this module runs.
// After a trap, `started` is the restarted engine's promise (see `trapped`).
let started;
const engine = () =>
  (started ??= Promise.resolve().then(async () => {
    const wasm = fetch(ArticleCardElement.wasmUrl);
    const glue = await import('./article_card.js');
    glue.onTrap((error) => trapped(glue, error));
    await glue.default({ module_or_path: wasm });
    return glue;
  }));

// The errors with which an engine instance died (each thrown at whoever was calling into it, and
// again at any later call, scripts/glue-restart.mjs): the loader reports them itself, so they
// are kept from the host page as uncaught errors (`call`, and the page-wide listeners below).
const traps = new WeakSet();
// When the recent traps happened, for MAX_TRAPS.
let trapTimes = [];
// What a trap does to the cards: set by the element class, which holds them (its static block).
let recover;

// Called by the glue, inside the call that trapped, once per instance. The cards are dealt with
// a microtask later, when nothing of that call is left on the stack; meanwhile the dead
// instance only rethrows, and a card waiting for the engine waits for the restarted one.
function trapped(glue, error) {
  traps.add(error);
  started = Promise.resolve().then(() => recover(glue, error));
  started.catch(() => {});
}

// A card's payload request, started as soon as the card knows its `src`, before the engine is
// running. The engine decides what the card shows and takes the request over (`readPayload`)
// if it names the same address; its body waits, unread, in the browser until then.
function request(url, revalidate) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal, cache: revalidate ? 'no-cache' : 'default' });
  // Read later or never (a request the engine did not want): its failure is reported there.
  response.catch(() => {});
  return { url, controller, response };
}

// Reads a payload's body for the engine (src/embed/fetch.rs, which says what each outcome
// means for the reader): the bytes, or why there are none, as `[what, number, text]`. Nothing
// waits past the deadline and nothing reads past `max` bytes. The deadline counts from when the
// engine asks: an early request only ever gains time, and a body that arrived before the engine
// was running is never refused as late. `signal` is the engine's: the card went away or asked
// again.
async function readPayload(req, timeout, max, signal) {
  const { controller } = req;
  const stop = () => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeout);
  signal.addEventListener('abort', stop);
  if (signal.aborted) stop();
  // How far the response got: `undefined` until it has headers, then the bytes of its body.
  let received;
  try {
    const response = await req.response;
    if (!response.ok) {
      stop();
      return ['status', response.status, response.statusText];
    }
    const declared = response.headers.get('content-length')?.trim();
    if (/^\d+$/.test(declared) && Number(declared) > max) {
      stop();
      return ['declared', Number(declared)];
    }
    received = 0;
    const chunks = [];
    const reader = response.body?.getReader();
    for (let step; reader && !(step = await reader.read()).done; ) {
      received += step.value.length;
      if (received > max) {
        stop();
        return ['large'];
      }
      chunks.push(step.value);
    }
    const bytes = new Uint8Array(received);
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    return bytes;
  } catch {
    if (timedOut) return ['timeout', timeout];
    if (signal.aborted) return ['cancelled'];
    return received === undefined ? ['network'] : ['truncated', received];
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

// A panic in the wasm traps and throws a RuntimeError at whoever called in. The loader has
// heard of it from the glue (`trapped`), so the exception carries no news here.
function call(fn) {
  try {
    return fn();
  } catch (error) {
    if (!traps.has(error)) throw error;
    return undefined;
  }
}

// The view's error card (src/view/error.rs) for an internal error, drawn with plain DOM: the
// engine is what failed. In English (`lang`): the localised labels live in the engine.
function internalError(message) {
  const el = (tag, className, ...children) => {
    const node = document.createElement(tag);
    node.className = className;
    node.append(...children);
    return node;
  };
  const card = el(
    'div',
    'card-error',
    el('p', 'card-error__message', el('strong', '', 'This story card could not be shown.'), ' Something went wrong inside the card; reloading the page may help.'),
    el('details', 'card-error__details', el('summary', '', '1 problem'), el('ul', '', el('li', '', el('code', '', 'card'), `: ${message}`))),
  );
  card.setAttribute('part', 'error');
  card.lang = 'en';
  return el('div', 'root', card);
}

// A section address (`#<card-id>--<section-id>`) in the URL: a card far down the page must
// render now, or the section it names would not exist to scroll to.
const deepLink = () => location.hash.includes('--');

// The section of `root` the URL names, if any (the hash is percent-encoded; a malformed one
// names nothing).
function namedSection(root) {
  try {
    return root.getElementById(decodeURIComponent(location.hash.slice(1)))?.closest(SECTION);
  } catch {
    return undefined;
  }
}

// Sends one of the card's events from `host`; `false` if a listener cancelled it.
const tell = (host, type, detail, cancelable = false) =>
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));

const isOpen = (button) => button.getAttribute(EXPANDED) === 'true';
const sectionOf = (element) => element.closest(SECTION)?.dataset.sectionId ?? null;

// The payload's JSON, to tell a new payload from an equal one: frameworks re-assign an equal
// copy on every render. `undefined` when it has none, or none JSON can write (a cycle, a
// BigInt): such a payload is always passed on, and the card reports its problem.
function jsonOf(value) {
  try {
    return value == null ? undefined : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

// Where there is no DOM, the class still exists (to import and to type against) but extends
// nothing and is never defined.
const Base = globalThis.HTMLElement ?? class {};

class ArticleCardElement extends Base {
  static observedAttributes = ['src', 'loading'];
  static [BRAND] = true;

  /** Where the engine's .wasm is fetched from (a CDN, say): set it right after importing. */
  static wasmUrl = new URL('article_card_bg.wasm', import.meta.url);

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

  // Cards that have their handle, or are being given one: for the page's hashchange below (one
  // listener for every card rather than one each, a thousand on a page of 1,000 cards), and
  // the cards a trap stops and restarts.
  static #live = new Set();

  // Sleeping cards: pre-rendered ones that show their article without the engine, until a
  // reader (or a script) does something with them. A page of them downloads this file only.
  static #sleeping = new Set();

  // A trap killed the engine instance (`trapped`): every card shows an error and says so, the
  // glue makes a fresh instance of the compiled module, and the cards still connected are made
  // again. Resolves to the restarted glue, or rejects when the traps come too often: then the
  // cards stay in the error state, as does any card connected later.
  static {
    recover = (glue, error) => {
      const now = Date.now();
      trapTimes = [...trapTimes.filter((time) => now - time < TRAP_WINDOW_MS), now];
      const message = `internal error (${error})`;
      let restarted = trapTimes.length < MAX_TRAPS;
      try {
        if (restarted) glue.__wbg_reset_state();
      } catch (failure) {
        // A trap while starting is reported again (`trapped`); anything else ends the engine.
        restarted = traps.has(failure);
      }
      console.error(
        `article-card: ${message}. ${restarted ? 'The cards were restarted.' : `The cards stay stopped (${trapTimes.length} in a minute).`}`,
      );
      const cards = [...this.#live];
      this.#live.clear();
      // Every handle is forgotten before any event lets page script call a card's methods.
      // Never freed: `free()` would call into the fresh instance with a pointer into the dead
      // one's memory.
      for (const el of cards) {
        el.#card?.__destroy_into_raw();
        el.#card = undefined;
      }
      for (const el of cards) el.#fail(message);
      for (const el of cards) if (restarted && el.isConnected) el.#connect();
      if (restarted) return glue;
      const stopped = new Error(message);
      traps.add(stopped);
      throw stopped;
    };
  }

  // The one listener every card's shadow root shares, for clicks (on a link, the card tells
  // the page, which may cancel it) and for the find bar about to open a closed section panel
  // (the card opens that section, so that its button says so too). A sleeping card answers
  // itself, and also hears `pointerdown`, which starts fetching the engine a moment before the
  // click that will need it.
  static #onShadowEvent(event) {
    const host = event.currentTarget.host;
    const card = host.#card;
    const { type, target } = event;
    const link = target.closest?.('a[href]');
    if (!card) {
      if (ArticleCardElement.#sleeping.has(host)) host.#stir(event, link);
    } else if (type === 'beforematch') call(() => card.matched(target));
    else if (type === 'click' && link && call(() => card.followed(link)) === false) {
      event.preventDefault();
    }
  }

  // The card's handle in the wasm (`Card`), from connecting until it is freed.
  #card = undefined;
  #payload = undefined;
  // The JSON of `#payload` (see jsonOf).
  #json = undefined;
  // The methods called before the card had its handle, applied in order when it has one.
  #asked = [];
  // Upgrading: a payload was taken over from before the element was defined.
  #adopted = false;
  // The payload request started before the engine ran (see `request`), until it takes it over.
  #early = undefined;
  // A sleeping card that was used, and so asked for the engine.
  #stirred = false;

  // How the engine fetches a card's payload: the early request if it is for the same address
  // (and not a retry, which wants a fresh answer), or a new one. Called by src/embed/fetch.rs.
  static #fetch(host, url, timeout, revalidate, max, signal) {
    let req = host.#early;
    host.#early = undefined;
    if (!req || revalidate || req.url !== url) {
      req?.controller.abort();
      req = request(url, revalidate);
    }
    return readPayload(req, timeout, max, signal);
  }

  constructor() {
    super();
    // A page script may set `payload` before this module ran (module scripts run last): that
    // made a plain property on the element, which would hide the setter. Take it over.
    if (Object.hasOwn(this, 'payload')) {
      const value = this.payload;
      delete this.payload;
      this.#take(value);
      this.#adopted = true;
    }
  }

  connectedCallback() {
    this.#adopted = false;
    // While the page is still parsing, its declarative shadow root may not be there yet.
    if (document.readyState === 'loading' && !this.shadowRoot) {
      document.addEventListener('DOMContentLoaded', () => this.isConnected && this.#settle(), { once: true });
    } else {
      this.#settle();
    }
  }

  // A pre-rendered card sleeps (unless `loading="eager"` asks for the engine at once); any
  // other starts now or waits to come near the viewport.
  #settle() {
    const observer = ArticleCardElement.#observer;
    const eager = this.getAttribute('loading') === 'eager';
    if (!eager && this.#prerendered()) {
      this.#sleep();
    } else if (eager || !observer || deepLink()) {
      this.#start();
    } else {
      ArticleCardElement.#waiting.add(this);
      observer.observe(this);
    }
  }

  disconnectedCallback() {
    this.#unwatch();
    ArticleCardElement.#sleeping.delete(this);
    this.#drop();
    this.#free();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'loading') {
      if (newValue === 'eager' && (ArticleCardElement.#waiting.has(this) || ArticleCardElement.#sleeping.has(this))) {
        this.#wake();
      }
      return;
    }
    // A new address replaces a payload set from script: the last one set is shown. Not the
    // address the element already had when it was upgraded: the script set its payload later.
    if (!this.#adopted) this.#take(undefined);
    this.#restart();
  }

  /** The payload object this card shows when set from script; setting it re-renders. */
  get payload() {
    return this.#payload;
  }

  /** Setting a payload equal to the one held (the same JSON) changes nothing: no re-render. */
  set payload(value) {
    if (this.#take(value)) this.#restart();
  }

  expandAll() {
    this.#ask((card) => card.openAll(true), () => true, true);
  }

  collapseAll() {
    this.#ask((card) => card.openAll(false), () => true, false);
  }

  open(sectionId) {
    const id = String(sectionId);
    this.#ask((card) => card.open(id), (button) => sectionOf(button) === id, true);
  }

  // Holds a new payload; `false` if it equals the one held, when the card has nothing to redo.
  #take(value) {
    const json = jsonOf(value);
    const same = value == null ? this.#payload === undefined : json !== undefined && json === this.#json;
    this.#payload = value ?? undefined;
    this.#json = json;
    return !same;
  }

  // Calls one of the card's methods, or keeps the call until the card has its handle. A
  // sleeping card does it at once in its markup (opening or closing the sections `pick` chooses),
  // which the card takes over from.
  #ask(method, pick, open) {
    const card = this.#card;
    if (card) call(() => method(card));
    else if (ArticleCardElement.#sleeping.has(this)) this.#fold(pick, open);
    else this.#asked.push(method);
  }

  // Pre-rendered: the element's shadow root holds the card's markup, and nothing set on the
  // element (a `payload`, a `src`) would make it show something else.
  #prerendered() {
    return this.#payload === undefined && !this.hasAttribute('src') && !!this.shadowRoot?.querySelector(ROOT);
  }

  #sleep() {
    ArticleCardElement.#sleeping.add(this);
    this.#stirred = false;
    for (const type of ['click', 'beforematch', 'pointerdown']) {
      this.shadowRoot.addEventListener(type, ArticleCardElement.#onShadowEvent);
    }
    this.#follow(true);
  }

  // The page's address names a section of this sleeping card: it opens, scrolls into view
  // (the browser does not look into shadow roots) and the card wakes. `quiet` on load, when
  // the section is open from the start as a live card's would be: no toggle event.
  #follow(quiet) {
    const section = namedSection(this.shadowRoot);
    if (!section) return;
    this.#fold((button) => section.contains(button), true, quiet);
    section.scrollIntoView();
  }

  // What a reader does in a sleeping card. A link is followed (the page hears of it and may
  // cancel it, as from a live card); a section button or "Expand all" does its job in the
  // markup at once and wakes the card, which takes over with the same sections open; the find
  // bar opening a folded section does too. Focus alone wakes nothing: a reader tabbing past
  // must not download the engine.
  #stir(event, link) {
    const { type, target } = event;
    const root = this.shadowRoot;
    if (type === 'pointerdown') {
      // A failure is the click's to report, when it asks for the engine too.
      if (target.closest?.('button')) engine().catch(() => {});
    } else if (type === 'beforematch') {
      this.#fold((button) => button.getAttribute(CONTROLS) === target.id, true);
    } else if (link) {
      const section = sectionOf(link);
      const detail = { id: this.#articleId(), link: section ? 'section' : 'full-story', href: link.href, section };
      if (!tell(this, LINK_EVENT, detail, true)) event.preventDefault();
    } else if (target.closest?.(EXPAND_ALL)) {
      this.#fold(() => true, ![...root.querySelectorAll(TOGGLE)].every(isOpen));
    } else {
      const clicked = target.closest?.(TOGGLE);
      if (clicked) this.#fold((button) => button === clicked, !isOpen(clicked));
    }
  }

  // Opens (`open`) or closes the sleeping card's sections that `pick` chooses, in its markup
  // as the view would (the button's state, the panel folded so that find-in-page still
  // searches it), tells the page of each change, and wakes the card.
  #fold(pick, open, quiet = false) {
    const root = this.shadowRoot;
    for (const button of root.querySelectorAll(TOGGLE)) {
      if (!pick(button) || isOpen(button) === open) continue;
      button.setAttribute(EXPANDED, open);
      const panel = root.getElementById(button.getAttribute(CONTROLS));
      if (open) {
        panel?.removeAttribute('hidden');
        this.#permalink(panel);
      } else {
        panel?.setAttribute('hidden', 'until-found');
      }
      if (!quiet) {
        const title = button.querySelector(TITLE)?.textContent;
        tell(this, TOGGLE_EVENT, { id: this.#articleId(), section: sectionOf(button), title, open });
      }
    }
    // Once: an engine that could not start is reported once, not at every click.
    if (!this.#stirred) this.#wake();
    this.#stirred = true;
  }

  // Gives an opened panel the permalink the view puts at the end of an open section (a section
  // pre-rendered closed has none), so that the takeover finds it there and moves nothing.
  #permalink(panel) {
    const label = this.shadowRoot.querySelector(PERMALINK_LABEL)?.dataset.sectionLink;
    if (!panel || !label || panel.querySelector(`.${PERMALINK}`)) return;
    const line = document.createElement('div');
    const link = line.appendChild(document.createElement('a'));
    line.className = PERMALINK;
    // In the order the view sets them, so the markup is the view's to the attribute.
    link.href = `#${panel.closest(SECTION).id}`;
    link.className = PERMALINK_LINK;
    link.textContent = label;
    panel.append(line);
  }

  #articleId() {
    return this.shadowRoot.querySelector(`[id$="${HEADLINE_ID}"]`)?.id.slice(0, -HEADLINE_ID.length);
  }

  // For a sleeping card about to be taken over: a method that gives the new card the sections
  // open in the markup now, and focus where the reader has it. Applied before the card's first
  // render, so nothing closes and opens again and no toggle event repeats what the page heard.
  #handover() {
    const root = this.shadowRoot;
    const open = [...root.querySelectorAll(TOGGLE)].filter(isOpen).map(sectionOf);
    const focused = root.activeElement?.id;
    return (card) => {
      card.openAll(false);
      for (const id of open) card.open(id);
      // Yew renders in a microtask queued when the card was made, so this one runs after it.
      if (focused) queueMicrotask(() => root.getElementById(focused)?.focus({ preventScroll: true }));
    };
  }

  #wake() {
    this.#unwatch();
    if (this.isConnected) this.#start();
  }

  #unwatch() {
    if (ArticleCardElement.#waiting.delete(this)) ArticleCardElement.#observer.unobserve(this);
  }

  // A new payload or address: the card is made again (its Yew app is reused, see pool.rs). A
  // sleeping card wakes to show it.
  #restart() {
    if (!this.#card) {
      if (ArticleCardElement.#sleeping.has(this)) this.#wake();
      return;
    }
    this.#free();
    this.#connect();
  }

  #start() {
    // While the page is still parsing, an inline JSON child may not exist yet; an address
    // does, and its request need not wait.
    if (document.readyState === 'loading') {
      this.#prefetch();
      document.addEventListener('DOMContentLoaded', () => this.#connect(), { once: true });
    } else {
      this.#connect();
    }
  }

  // Starts this card's payload request, if it has an address to fetch, so that it does not
  // wait for the engine. Only an address: a payload set from script wins over it.
  #prefetch() {
    const url = this.#payload === undefined ? this.getAttribute('src')?.trim() : undefined;
    if (url === this.#early?.url) return;
    this.#drop();
    if (url) this.#early = request(url, false);
  }

  // Cancels the early payload request the engine did not take.
  #drop() {
    this.#early?.controller.abort();
    this.#early = undefined;
  }

  // Starts the engine if it is not yet running, then makes this element's card.
  #connect() {
    this.#prefetch();
    const running = engine();
    running.then(
      ({ Card }) => {
        if (!this.isConnected || this.#card) return;
        // The engine trapped since: wait for the restarted one.
        if (running !== started) return this.#connect();
        ArticleCardElement.#live.add(this);
        // Read before the card replaces the pre-rendered markup.
        const handover = ArticleCardElement.#sleeping.delete(this) && this.#prerendered() && this.#handover();
        const card = call(() => new Card(this, this.#payload, ArticleCardElement.#fetch));
        // The engine asked for its payload while it made the card, or wants none.
        this.#drop();
        // It trapped: its recovery shows this card's error and makes it again.
        if (!card) return;
        // An event listener may have removed the element while its card was made.
        if (!this.isConnected) {
          ArticleCardElement.#live.delete(this);
          call(() => card.free());
          return;
        }
        this.#card = card;
        // Added again on each connect, which the DOM ignores; the shadow root goes with the
        // element, and the listener does nothing while the element has no card.
        for (const type of ['click', 'beforematch']) this.shadowRoot?.addEventListener(type, ArticleCardElement.#onShadowEvent);
        const asked = this.#asked;
        this.#asked = [];
        for (const method of handover ? [handover, ...asked] : asked) call(() => method(card));
      },
      (error) => {
        this.#drop();
        // A trap while the engine started: wait for the restarted one. Or it stopped after too
        // many traps (`recover`), which the console has heard of.
        if (traps.has(error)) return running === started ? this.#fail(error.message) : this.#connect();
        // Not started: no shadow root is attached, so the page's fallback content stays.
        console.error('article-card: the card engine could not start', error);
        this.#report(`the card engine could not start (${error})`);
      },
    );
  }

  // Shows the internal error in place of the card, and reports it.
  #fail(message) {
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(internalError(message));
    this.#report(message);
  }

  // The card ends in the error state because the engine failed: `data-state` and the event.
  #report(message) {
    this.setAttribute('data-state', 'error');
    tell(this, ERROR_EVENT, { problems: [{ path: 'card', message }], internal: true });
  }

  // Frees the card: its fetch stops and its Yew app goes back to the pool.
  #free() {
    const card = this.#card;
    if (!card) return;
    this.#card = undefined;
    ArticleCardElement.#live.delete(this);
    call(() => card.free());
  }

  // Defines the element, unless there is no DOM or a copy of this module already did. The
  // page-wide listeners come with the definition, so a page has them once. Last in the class:
  // defining upgrades the cards already in the page, which need every static above.
  static {
    if (typeof customElements === 'object' && !customElements.get(TAG)) {
      customElements.define(TAG, this);
      // Printing and deep links need every card, not only those near the viewport.
      const wakeAll = () => this.#waiting.forEach((card) => card.#wake());
      addEventListener('beforeprint', wakeAll);
      // The page's address changed: a section address wakes the waiting cards (the section it
      // names must exist to scroll to), and each card opens the section if it is one of its
      // own; a sleeping card wakes only if it is. The only hashchange listener: the wasm has none.
      addEventListener('hashchange', () => {
        if (deepLink()) wakeAll();
        this.#live.forEach((el) => el.#ask((card) => card.followFragment()));
        this.#sleeping.forEach((el) => el.#follow(false));
      });
      // A trap thrown on to the browser (from a listener, a timer or a promise callback of the
      // engine) is reported by `recover`: not again as an uncaught error of the host page.
      addEventListener('error', (event) => traps.has(event.error) && event.preventDefault());
      addEventListener('unhandledrejection', (event) => traps.has(event.reason) && event.preventDefault());
    }
  }
}

// The element's class: the one defined by whichever copy of this module ran first, so that
// `instanceof` and `wasmUrl` work through any copy.
const defined = globalThis.customElements?.get(TAG);
const elementClass = defined?.[BRAND] ? defined : ArticleCardElement;
export { elementClass as ArticleCardElement };
