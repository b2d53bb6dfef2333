// `article-card/react`: the <article-card> element as a React component. Plain createElement, so
// it needs no JSX build step.
//
// Why a wrapper at all: when React renders before the element is defined, and when it hydrates
// server-rendered HTML, React 19 sets neither properties nor custom-event listeners on a custom
// element. This component renders only the tag and its attributes (which the server can print),
// then sets `payload` as a property and adds the listeners in an effect, on the element itself.
import { createElement, useImperativeHandle, useLayoutEffect, useRef } from 'react';
// Defines the element in the browser; does nothing on a server.
import './article-card.js';

/** Component prop → the element's event it listens to. */
const EVENTS = {
  onReady: 'article-card-ready',
  onToggle: 'article-card-toggle',
  onLink: 'article-card-link',
  onError: 'article-card-error',
};

export function ArticleCard({ payload, src, loading, id, className, style, ref, ...rest }) {
  const element = useRef(null);
  // The latest handlers, read when an event arrives: listeners are added once per element,
  // not again on every render that passes a new arrow function.
  const handlers = useRef(rest);
  handlers.current = rest;

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

  return createElement('article-card', { ref: element, id, className, style, src, loading });
}
