// Demo page behaviour: the playground, the snippet copy buttons, and a notice
// when the card bundle is missing. Small functions do the work; init* only wires
// them to the page. User text only ever reaches the DOM as textContent or a
// textarea value, never as markup.

const RENDER_DELAY_MS = 300;
const SETTLE_TIMEOUT_MS = 2000;
const BUNDLE_TIMEOUT_MS = 4000;
const COPIED_RESET_MS = 2000;

const SETTLED_STATES = new Set(["ready", "error"]);

// Several problems at once, so the card's error list has something to list:
// no headline, a script URL as the source link, and a section without a title.
const INVALID_EXAMPLE = {
  version: 1,
  id: "invalid-example",
  lang: "en",
  dek: "A payload with several mistakes; the card should list every one of them.",
  source: {
    name: "Example Wire",
    url: "javascript:alert(document.domain)",
  },
  sections: [
    {
      title: "What Happened",
      body: "This section is fine.",
    },
    {
      title: "",
      body: "This section has an empty title.",
    },
  ],
};

const EXAMPLES = {
  seed: { url: "fixtures/seed-anthropic-recall.json" },
  garages: { url: "fixtures/garages-to-homes.json" },
  invalid: { text: `${JSON.stringify(INVALID_EXAMPLE, null, 2)}\n` },
};

const exampleCache = new Map();

/** The payload text of a named example: inline, or fetched once and cached. */
async function loadExample(key) {
  const example = EXAMPLES[key];
  if (!example) {
    throw new Error(`unknown example "${key}"`);
  }
  if (example.text !== undefined) {
    return example.text;
  }
  if (!exampleCache.has(key)) {
    const response = await fetch(example.url);
    if (!response.ok) {
      throw new Error(`${example.url} answered HTTP ${response.status}`);
    }
    exampleCache.set(key, await response.text());
  }
  return exampleCache.get(key);
}

/** A detached <article-card> carrying `text` as its inline JSON payload. */
function buildCard(text) {
  const card = document.createElement("article-card");
  const payload = document.createElement("script");
  payload.type = "application/json";
  payload.textContent = text;
  card.append(payload);
  return card;
}

/** Resolves once `card` reports ready or error, or after `timeoutMs`. */
function whenSettled(card, timeoutMs) {
  return new Promise((resolve) => {
    if (SETTLED_STATES.has(card.dataset.state)) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (SETTLED_STATES.has(card.dataset.state)) {
        finish();
      }
    });
    const timer = setTimeout(finish, timeoutMs);
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(card, { attributes: true, attributeFilter: ["data-state"] });
  });
}

/** Words for the status line, from a card's data-state (undefined before the bundle runs). */
function describeState(state) {
  switch (state) {
    case "loading":
      return "Preview: loading";
    case "ready":
      return "Preview: ready";
    case "error":
      return "Preview: error, listed in the card";
    default:
      return "Preview: waiting for the card bundle";
  }
}

function debounce(fn, delayMs) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delayMs);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/**
 * Shows cards in `stage`, one at a time. A new card renders out of sight and
 * replaces the old one once it has settled, so the preview does not flash empty
 * on every edit. `onState` hears the visible card's data-state.
 */
function createPreview(stage, onState) {
  let pending = null;
  let watcher = null;

  function watch(card) {
    watcher?.disconnect();
    watcher = new MutationObserver(() => onState(card.dataset.state));
    watcher.observe(card, { attributes: true, attributeFilter: ["data-state"] });
    onState(card.dataset.state);
  }

  // Removes the others rather than replaceChildren(card): moving a connected
  // card would disconnect and re-render it.
  function reveal(card) {
    for (const other of [...stage.children]) {
      if (other !== card) {
        other.remove();
      }
    }
    card.classList.remove("is-pending");
    if (!card.isConnected) {
      stage.append(card);
    }
    watch(card);
  }

  return {
    show(text) {
      const card = buildCard(text);
      pending?.remove();

      // Without the element defined nothing will settle: swap straight away.
      if (!customElements.get("article-card") || stage.childElementCount === 0) {
        pending = null;
        reveal(card);
        return;
      }

      pending = card;
      card.classList.add("is-pending");
      stage.append(card);
      whenSettled(card, SETTLE_TIMEOUT_MS).then(() => {
        if (pending === card) {
          pending = null;
          reveal(card);
        }
      });
    },
  };
}

function initPlayground() {
  const select = document.getElementById("pg-example");
  const reset = document.getElementById("pg-reset");
  const textarea = document.getElementById("pg-json");
  const previewBox = document.getElementById("pg-preview");
  const stage = document.getElementById("pg-stage");
  const status = document.getElementById("pg-status");
  if (!select || !reset || !textarea || !previewBox || !stage || !status) {
    return;
  }

  const preview = createPreview(stage, (state) => {
    status.textContent = describeState(state);
    if (state) {
      status.dataset.state = state;
    } else {
      delete status.dataset.state;
    }
  });
  const renderSoon = debounce(() => preview.show(textarea.value), RENDER_DELAY_MS);

  // Only the latest request may fill the textarea, however the fetches finish.
  let request = 0;
  async function useExample(key) {
    const ticket = ++request;
    try {
      const text = await loadExample(key);
      if (ticket !== request) {
        return;
      }
      renderSoon.cancel();
      textarea.value = text;
      preview.show(text);
    } catch (error) {
      if (ticket === request) {
        status.textContent = `Could not load the example: ${error.message}`;
        delete status.dataset.state;
      }
    }
  }

  select.addEventListener("change", () => useExample(select.value));
  reset.addEventListener("click", () => useExample(select.value));
  textarea.addEventListener("input", renderSoon);

  for (const radio of previewBox.querySelectorAll('input[name="pg-width"]')) {
    radio.addEventListener("change", () => {
      if (radio.checked) {
        previewBox.dataset.width = radio.value;
      }
    });
  }

  useExample(select.value);
}

function initCopyButtons() {
  if (!window.isSecureContext || !navigator.clipboard?.writeText) {
    return;
  }
  for (const snippet of document.querySelectorAll(".snippet")) {
    const code = snippet.querySelector("pre code");
    const heading = snippet.querySelector("h3");
    if (!code || !heading) {
      continue;
    }

    const button = document.createElement("button");
    button.type = "button";
    button.className = "button copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy snippet: ${heading.textContent.trim()}`);

    const announcer = document.createElement("span");
    announcer.className = "visually-hidden";
    announcer.setAttribute("role", "status");

    let resetTimer;
    button.addEventListener("click", async () => {
      clearTimeout(resetTimer);
      try {
        await navigator.clipboard.writeText(code.textContent);
        button.textContent = "Copied";
        announcer.textContent = "Snippet copied to the clipboard";
      } catch {
        button.textContent = "Copy failed";
        announcer.textContent = "The snippet could not be copied; select it instead";
      }
      resetTimer = setTimeout(() => {
        button.textContent = "Copy";
        announcer.textContent = "";
      }, COPIED_RESET_MS);
    });

    heading.after(button, announcer);
  }
}

function initBundleNotice() {
  const notice = document.getElementById("bundle-notice");
  if (!notice) {
    return;
  }
  const defined = customElements.whenDefined("article-card").then(() => true);
  const gaveUp = new Promise((resolve) => setTimeout(resolve, BUNDLE_TIMEOUT_MS, false));
  Promise.race([defined, gaveUp]).then((ok) => {
    notice.hidden = ok;
  });
  // A bundle that arrives late still wins.
  defined.then(() => {
    notice.hidden = true;
  });
}

initBundleNotice();
initCopyButtons();
initPlayground();
