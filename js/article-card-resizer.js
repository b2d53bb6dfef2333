// article-card resizer: sizes every card iframe on a page that is not WordPress. Add it once,
// anywhere on the page, beside the iframes pasted from a card's oEmbed response:
//
//   <script async src="https://cards.example.com/article-card/VERSION/article-card-resizer.js"></script>
//
// Each card's embed page posts { type: 'article-card:height', height, src } whenever its
// height changes; this sets the height of the iframe that sent it (found by its window, so a
// page cannot resize another page's frame), and hides the fallback blockquote the oEmbed
// markup puts before the iframe. The iframe's own height attribute (the oEmbed height) holds
// its space until then.
(() => {
  'use strict';
  if (window.articleCardResizer) return;
  window.articleCardResizer = true;

  const MAX_HEIGHT = 10000;

  function hideFallbacks() {
    for (const quote of document.querySelectorAll('blockquote.article-card-fallback')) {
      if (quote.nextElementSibling?.matches('iframe.article-card-frame')) quote.hidden = true;
    }
  }

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'article-card:height') return;
    const height = Math.round(Number(data.height));
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.height = String(height);
        const before = frame.previousElementSibling;
        if (before?.matches('blockquote.article-card-fallback')) before.hidden = true;
      }
    }
  });

  hideFallbacks();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', hideFallbacks);
})();
