import { useRef, useState } from 'react';
import type {
  ArticleCardElement,
  ArticleCardReadyDetail,
  ArticleCardToggleDetail,
  Payload,
} from 'article-card';
import { ArticleCard } from 'article-card/react';
// Types the raw <article-card> JSX below (attributes and onarticle-card-* event props).
import type {} from 'article-card/types/react';
import storyA from './stories/a.json';
import storyB from './stories/b.json';

const stories: readonly Payload[] = [storyA as Payload, storyB as Payload];

const idOf = (event: Event) => (event.target instanceof Element ? event.target.id : '?');

export function App() {
  const [which, setWhich] = useState(0);
  // The state card's payload. Re-rendering hands the card a new object equal to this one.
  const [story, setStory] = useState<Payload>(stories[0]);
  const [renders, setRenders] = useState(0);
  const [mounted, setMounted] = useState(true);
  const [log, setLog] = useState<string[]>([]);
  const card = useRef<ArticleCardElement>(null);

  // One line per event, as the page contract writes them: `kind element-id details`.
  const add = (line: string) => setLog((lines) => [...lines, line]);
  const onReady = (e: CustomEvent<ArticleCardReadyDetail>) => add(`ready ${idOf(e)} ${e.detail.id}`);
  const onToggle = (e: CustomEvent<ArticleCardToggleDetail>) =>
    add(`toggle ${idOf(e)} ${e.detail.section} ${e.detail.open ? 'open' : 'closed'}`);
  const onError = (e: Event) => add(`error ${idOf(e)}`);

  const swap = () => {
    const next = 1 - which;
    setWhich(next);
    setStory(stories[next]);
  };
  const rerender = () => {
    setRenders((n) => n + 1);
    setStory((s) => ({ ...s }));
  };

  return (
    <main>
      <h1>article-card in React 19</h1>
      <p>
        <button id="swap" type="button" onClick={swap}>Swap story</button>{' '}
        <button id="expand" type="button" onClick={() => card.current?.expandAll()}>Expand all</button>{' '}
        <button id="rerender" type="button" onClick={rerender}>Re-render</button>{' '}
        <button id="toggle-mount" type="button" onClick={() => setMounted((m) => !m)}>Unmount / mount</button>{' '}
        Renders: <output id="renders">{renders}</output>
      </p>

      <h2>From a URL (raw element)</h2>
      <article-card
        id="src-card"
        src="story.json"
        loading="eager"
        onarticle-card-ready={onReady}
        onarticle-card-toggle={onToggle}
        onarticle-card-error={onError}
      />

      <h2>From React state (the ArticleCard wrapper)</h2>
      {mounted && (
        <ArticleCard
          id="state-card"
          ref={card}
          loading="eager"
          payload={story}
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
    </main>
  );
}
