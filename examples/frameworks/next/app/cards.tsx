'use client';

// The interactive part of the page, rendered to HTML on the server too. `article-card` is
// imported for its types here; the element is defined in an effect, below.
import type { ArticleCardElement, ArticleCardReadyDetail, ArticleCardToggleDetail, Payload } from 'article-card';
import { ArticleCard } from 'article-card/react';
import type {} from 'article-card/types/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import storyA from './stories/a.json';
import storyB from './stories/b.json';

// JSON imports widen `"version": 1` to a number; the files themselves are checked by
// `article-card validate` (see README.md).
const stories = [storyA, storyB] as readonly Payload[];

const idOf = (event: Event) => (event.currentTarget instanceof Element ? event.currentTarget.id : '');

/** The event handlers of both cards: each event becomes one line of the page's log. */
function logHandlers(write: (line: string) => void) {
  return {
    onReady: (event: CustomEvent<ArticleCardReadyDetail>) => write(`ready ${idOf(event)} ${event.detail.id}`),
    onToggle: (event: CustomEvent<ArticleCardToggleDetail>) =>
      write(`toggle ${idOf(event)} ${event.detail.section} ${event.detail.open ? 'open' : 'closed'}`),
    onError: (event: Event) => write(`error ${idOf(event)}`),
  };
}

export default function Cards() {
  const [shown, setShown] = useState(0);
  const [renders, setRenders] = useState(0);
  const [mounted, setMounted] = useState(true);
  const [log, setLog] = useState<readonly string[]>([]);
  const [on] = useState(() => logHandlers((line) => setLog((lines) => [...lines, line])));
  const stateCard = useRef<ArticleCardElement>(null);

  // Defines <article-card> once the server-rendered page is hydrated, not while React hydrates
  // it: an element defined earlier starts its cards before the refs and effects below have added
  // the listeners and set the payload, so a `ready` can go unheard and the state card shows
  // "no payload" for a moment. `ArticleCard` defines it the same way; this also covers the file
  // card alone. (On the server, importing the package does nothing either way.)
  useEffect(() => {
    void import('article-card');
  }, []);

  // React 19 hydrates a server-rendered custom element without adding listeners for its `on…`
  // props (it adds them only to an element it creates), so the file card's listeners go on
  // through a ref, which React attaches when it hydrates too.
  const listen = useCallback(
    (card: ArticleCardElement | null) => {
      if (!card) return undefined;
      card.addEventListener('article-card-ready', on.onReady);
      card.addEventListener('article-card-toggle', on.onToggle);
      card.addEventListener('article-card-error', on.onError);
      return () => {
        card.removeEventListener('article-card-ready', on.onReady);
        card.removeEventListener('article-card-toggle', on.onToggle);
        card.removeEventListener('article-card-error', on.onError);
      };
    },
    [on],
  );

  // A new object on every render, as inline props usually are: the card ignores a payload
  // equal to the one it shows, so a re-render keeps its open sections.
  const story = { ...stories[shown] };

  return (
    <>
      <h2>From a file</h2>
      <article-card id="src-card" src="story.json" loading="eager" ref={listen} />

      <h2>From React state</h2>
      <p>
        <button id="swap" type="button" onClick={() => setShown((n) => (n + 1) % stories.length)}>
          Show the other story
        </button>
        <button id="expand" type="button" onClick={() => stateCard.current?.expandAll()}>
          Expand all
        </button>
        <button id="rerender" type="button" onClick={() => setRenders((n) => n + 1)}>
          Re-render
        </button>
        <button id="toggle-mount" type="button" onClick={() => setMounted((m) => !m)}>
          {mounted ? 'Unmount' : 'Mount'} the card
        </button>
        Renders: <output id="renders">{renders}</output>
      </p>
      {mounted && (
        <ArticleCard
          id="state-card"
          loading="eager"
          payload={story}
          ref={stateCard}
          onReady={on.onReady}
          onToggle={on.onToggle}
          onError={on.onError}
        />
      )}

      <h2>Events</h2>
      <ul id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </>
  );
}
