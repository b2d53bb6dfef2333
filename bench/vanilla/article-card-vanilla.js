// The hand-written peer: what a publisher could write instead of article-card, in plain
// JavaScript with no framework and no build step. It renders the same payloads to the same
// markup with the same stylesheet, so the benchmark compares like with like. It validates only
// what it must to render safely (version, required texts, http(s) link), far less than the
// widget does; that difference is part of what the comparison shows.
//
// The benchmark prepends `const CARD_CSS = "...";` (styles/card.css) when it builds the page.

/* global CARD_CSS */
const sheet = new CSSStyleSheet();
sheet.replaceSync(CARD_CSS);

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const isHttp = (url) => typeof url === 'string' && /^https?:\/\/[^/?#\s]+/i.test(url);
const text = (value) => (typeof value === 'string' ? value.trim() : '');
const slug = (value) =>
  value.toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

function renderBody(panel, body) {
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length) panel.append(el('p', '', paragraph.join(' ')));
    paragraph = [];
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      list = null;
    } else if (line.startsWith('- ')) {
      flush();
      if (!list) panel.append((list = el('ul')));
      list.append(el('li', '', line.slice(2).trim()));
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  flush();
}

function renderCard(data) {
  const id = text(data.id) || slug(text(data.headline));
  const card = el('article', 'card');
  if (text(data.lang)) card.lang = data.lang;
  const header = el('header', 'card__header');
  header.append(el('p', 'card__source', text(data.source.name)));
  const headline = el('h2', 'card__headline', text(data.headline));
  headline.id = `${id}--headline`;
  card.setAttribute('aria-labelledby', headline.id);
  header.append(headline);
  if (text(data.dek)) header.append(el('p', 'card__dek', text(data.dek)));
  card.append(header);
  if (data.quote && text(data.quote.text)) {
    const figure = el('figure', 'card__pullquote');
    const quote = el('blockquote', 'card__quote');
    quote.append(el('p', '', text(data.quote.text)));
    figure.append(quote);
    if (text(data.quote.attribution)) figure.append(el('figcaption', 'card__attribution', text(data.quote.attribution)));
    card.append(figure);
  }
  const sections = Array.isArray(data.sections) ? data.sections : [];
  if (sections.length) {
    const list = el('div', 'card__sections');
    sections.forEach((section, index) => {
      const anchor = `${id}--${text(section.id) || slug(text(section.title)) || `section-${index + 1}`}`;
      const wrapper = el('section', 'section');
      const heading = el('h3', 'section__heading');
      const button = el('button', 'section__toggle');
      button.type = 'button';
      button.id = `${anchor}--button`;
      button.setAttribute('aria-controls', `${anchor}--panel`);
      button.setAttribute('aria-expanded', section.open === true ? 'true' : 'false');
      button.append(el('span', 'section__title', text(section.title)));
      heading.append(button);
      const panel = el('div', 'section__panel');
      panel.id = `${anchor}--panel`;
      panel.setAttribute('role', 'region');
      panel.setAttribute('aria-labelledby', button.id);
      panel.hidden = section.open !== true;
      renderBody(panel, text(section.body));
      wrapper.append(heading, panel);
      list.append(wrapper);
    });
    card.append(list);
  }
  const footer = el('footer', 'card__footer');
  const link = el('a', 'card__link', `Read the full story at ${text(data.source.name)}`);
  link.append(el('span', 'visually-hidden', ' (opens in a new tab)'));
  link.href = data.source.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  footer.append(link);
  card.append(footer);
  return card;
}

function problemsOf(data) {
  const problems = [];
  if (!data || typeof data !== 'object') return ['payload: must be an object'];
  if (data.version !== 1) problems.push('version: must be 1');
  if (!text(data.headline)) problems.push('headline: is required');
  if (!data.source || !text(data.source.name)) problems.push('source.name: is required');
  if (!data.source || !isHttp(data.source.url)) problems.push('source.url: must be an http or https URL');
  return problems;
}

class ArticleCardVanilla extends HTMLElement {
  #onClick = (event) => {
    const button = event.target.closest('.section__toggle');
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    this.shadowRoot.getElementById(button.getAttribute('aria-controls')).hidden = !open;
  };

  async connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.addEventListener('click', this.#onClick);
    let data;
    try {
      const src = this.getAttribute('src');
      const json = src
        ? await (await fetch(src)).text()
        : this.querySelector(':scope > script[type="application/json"]')?.textContent ?? '';
      data = JSON.parse(json);
    } catch (error) {
      data = null;
    }
    const problems = problemsOf(data);
    const container = el('div', 'root');
    if (problems.length) {
      container.append(el('div', 'card-error', `This story card could not be shown. ${problems.join('; ')}`));
      console.error('article-card:', problems);
    } else {
      container.append(renderCard(data));
    }
    root.replaceChildren(container);
    this.setAttribute('data-state', problems.length ? 'error' : 'ready');
  }

  disconnectedCallback() {
    this.shadowRoot?.removeEventListener('click', this.#onClick);
    this.shadowRoot?.replaceChildren();
  }
}

customElements.define('article-card', ArticleCardVanilla);
