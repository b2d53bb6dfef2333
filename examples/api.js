// The JavaScript API of <article-card>, as a publisher's page script would use it: payloads
// set as objects, the element's methods, and every event wired to an analytics call.

// 1. Events. All bubble out of the card and its shadow root, so one listener on document hears
// every card on the page; event.target is the <article-card> element.
const log = document.getElementById('log');
window.dataLayer = window.dataLayer || [];

function track(name, detail) {
  // What a tag manager would receive (Google Tag Manager reads window.dataLayer).
  window.dataLayer.push({ event: name, ...detail });
  const item = document.createElement('li');
  item.textContent = `${name} ${JSON.stringify(detail)}`;
  log.append(item);
}

document.addEventListener('article-card-ready', (event) => {
  track('card_ready', { card: event.detail.id, sections: event.detail.sections.length });
});
document.addEventListener('article-card-toggle', (event) => {
  const { id, section, open } = event.detail;
  track(open ? 'card_section_open' : 'card_section_close', { card: id, section });
});
document.addEventListener('article-card-link', (event) => {
  const { id, link, href } = event.detail;
  track('card_link', { card: id, link, href });
  // Cancelable: a page may keep the reader and show the story its own way.
  if (document.getElementById('keep-links').checked) event.preventDefault();
});
document.addEventListener('article-card-error', (event) => {
  track('card_error', { problems: event.detail.problems.map((p) => `${p.path}: ${p.message}`) });
});

// 2. A card made from script, its payload an object (fetched here, but any object will do).
// Set the payload before adding the card: a card in the page with no payload at all says so.
const fetchJson = (url) => fetch(url).then((response) => response.json());
const card = document.createElement('article-card');
card.id = 'api-card';
card.payload = await fetchJson('/cards/garages-to-homes.json');
document.getElementById('slot').append(card);

// 3. The methods. The element is defined once the module has run; methods called on a card that
// is still loading apply when its article renders.
await customElements.whenDefined('article-card');
const on = (id, handler) => document.getElementById(id).addEventListener('click', handler);
on('expand', () => card.expandAll());
on('collapse', () => card.collapseAll());
on('open-next', () => card.open('next'));
on('swap', async () => {
  card.payload = await fetchJson('/cards/seed-anthropic-recall.json');
});
on('use-src', () => card.setAttribute('src', '/cards/garages-to-homes.json'));
on('remove', () => card.remove());
