'use client';
// `article-card/react`: the <article-card> element as a React component. Plain createElement, so
// it needs no JSX build step; 'use client' lets a Next.js server component render it.
//
// Why a wrapper at all: when React renders before the element is defined, and when it hydrates
// server-rendered HTML, React 19 sets neither properties nor custom-event listeners on a custom
// element. This component renders only the tag and its attributes (which the server can print),
// then sets `payload` as a property and adds the listeners in an effect, on the element itself.
//
// The element is defined from an effect too, not when this module loads: defined early, it
// would upgrade a server-rendered card while React is still hydrating, and the card would start
// before it has its payload and its listeners (an error card at first, a lost ready event; seen
// in the Next.js example under CPU throttling). Defined after them, it adopts the payload set on
// the plain element (the loader takes over such a property) and every event finds its listener.
import { createElement, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';

/** Component prop → the element's event it listens to. */
const EVENTS = {
  onReady: 'article-card-ready',
  onToggle: 'article-card-toggle',
  onLink: 'article-card-link',
  onError: 'article-card-error',
};

export function ArticleCard({ payload, ref, ...props }) {
  const element = useRef(null);
  // The card's event props, and the rest, which are the tag's.
  const latest = {};
  const attributes = {};
  for (const [name, value] of Object.entries(props)) (Object.hasOwn(EVENTS, name) ? latest : attributes)[name] = value;
  // The latest handlers, read when an event arrives: listeners are added once per element,
  // not again on every render that passes a new arrow function.
  const handlers = useRef(latest);
  // After each commit (not during render, which React may run and discard).
  useLayoutEffect(() => {
    handlers.current = latest;
  });

  useImperativeHandle(ref, () => element.current, []);

  useLayoutEffect(() => {
    const card = element.current;
    if (!card) return undefined;
    const listeners = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (event) => handlers.current[prop]?.(event);
      card.addEventListener(type, listener);
      return [type, listener];
    });
    return () => {
      for (const [type, listener] of listeners) card.removeEventListener(type, listener);
    };
  }, []);

  // The element ignores a payload equal to the one it shows, so a parent that re-renders with a
  // new but equal object costs nothing. `undefined` is only passed on to clear a payload set
  // before, so a `src` card is never restarted by it.
  useLayoutEffect(() => {
    const card = element.current;
    if (card && (payload != null || card.payload != null)) card.payload = payload;
  }, [payload]);

  // After the two effects above (effects run in order). Importing again costs nothing.
  useEffect(() => {
    import('./article-card.js');
  }, []);

  // Everything else (`src`, `loading`, `id`, `className`, `aria-*`, `data-*`, React's own event
  // props...) goes on the tag as React puts it on any element, so the server prints it too.
  return createElement('article-card', { ...attributes, ref: element });
}
