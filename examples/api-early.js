// A classic (non-module) script placed right after <article-card id="early">: it runs while
// the page is still being parsed, before the article-card module has defined the element, as
// a CMS template's own script might. The card still shows this payload: the element adopts
// the property when it is defined.
document.getElementById('early').payload = {
  version: 1,
  id: 'set-early',
  headline: 'A payload set before the card was defined',
  source: { name: 'Example News', url: 'https://example.com/news/early' },
  sections: [
    {
      id: 'how',
      title: 'How it works',
      body: 'The script set a plain property on an element that was not yet an article-card; the card took it over when the element was defined.',
    },
  ],
};
