'use client';

// The interactive part of the page. Importing the package defines <article-card> in the browser
// and does nothing on the server, where this component is rendered to HTML too.
import 'article-card';
import type { ArticleCardElement, Payload } from 'article-card';
import { ArticleCard } from 'article-card/react';
import type {} from 'article-card/types/react';
import { useRef, useState } from 'react';
import storyA from './stories/a.json';
import storyB from './stories/b.json';

// JSON imports widen `"version": 1` to a number; the files themselves are checked by
// `article-card validate` (see README.md).
const stories = [storyA, storyB] as readonly Payload[];

const idOf = (event: Event) => (event.currentTarget instanceof Element ? event.currentTarget.id : '');

export default function Cards() {
  const [shown, setShown] = useState(0);
  const [renders, setRenders] = useState(1);
  const [mounted, setMounted] = useState(true);
  const [log, setLog] = useState<readonly string[]>([]);
  const stateCard = useRef<ArticleCardElement>(null);

  const write = (line: string) => setLog((lines) => [...lines, line]);
  const onReady = (event: CustomEvent<{ id: string }>) => write(`ready ${idOf(event)} ${event.detail.id}`);
  const onToggle = (event: CustomEvent<{ section: string; open: boolean }>) =>
    write(`toggle ${idOf(event)} ${event.detail.section} ${event.detail.open ? 'open' : 'closed'}`);
  const onError = (event: Event) => write(`error ${idOf(event)}`);

  // A new object on every render, as inline props usually are: the card ignores a payload
  // equal to the one it shows, so a re-render keeps its open sections.
  const story = { ...stories[shown] };

  return (
    <>
      <h2>From a file</h2>
      <article-card
        id="src-card"
        src="story.json"
        loading="eager"
        onarticle-card-ready={onReady}
        onarticle-card-toggle={onToggle}
        onarticle-card-error={onError}
      />

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
          onReady={onReady}
          onToggle={onToggle}
          onError={onError}
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
