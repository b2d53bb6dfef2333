// article-card embed page: tells the page that frames this card how tall the card is, so the
// iframe fits it with no inner scroll bar, and keeps the card's links working inside a sandbox.
//
// Two messages, both posted to the parent on load and whenever the card's size changes (a
// section opens or closes, Expand all, the frame's width changes, the widget takes over):
//  - WordPress's embed protocol, when the frame's address carries `#?secret=…` (WordPress adds
//    it): { message: 'height', value: <px>, secret }. WordPress clamps it to 200–1000 px.
//  - the generic message, always: { type: 'article-card:height', height: <px>, src: <this
//    page's address> }, which article-card-resizer.js (or any host script) reads.
//
// A classic script (not a module), loaded from the site's own origin: a strict
// `script-src 'self'` allows it, and a sandboxed frame fetches it without CORS.
(() => {
  'use strict';
  if (window.parent === window) return;

  const secret = (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1];
  const src = location.href.split('#')[0];
  const content = document.querySelector('.embed') || document.body;
  let reported = -1;

  function report() {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
    window.parent.postMessage({ type: 'article-card:height', height, src }, '*');
  }

  // One observer sees every cause of a new height: content, width, fonts, the widget.
  new ResizeObserver(report).observe(content);
  addEventListener('load', report);

  // WordPress frames embeds with sandbox="allow-scripts" only, so a link that opens a new tab
  // is blocked there. When it is, ask WordPress to take its page to the card's own page
  // instead (WordPress follows only links to the frame's own host), where the link works.
  document.addEventListener('click', (event) => {
    if (!secret || event.defaultPrevented) return;
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.href);
    if (!link || link.target !== '_blank') return;
    event.preventDefault();
    const opened = window.open(link.href, '_blank');
    if (opened) {
      try {
        opened.opener = null;
      } catch {
        // A window that already left for another origin has no opener to clear.
      }
      return;
    }
    const page = content.getAttribute('data-card-page');
    if (page) window.parent.postMessage({ message: 'link', value: page, secret }, '*');
  });
})();
