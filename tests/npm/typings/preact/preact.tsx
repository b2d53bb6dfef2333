// Preact: <article-card> in JSX (article-card/types/preact).
import type {} from 'article-card/types/preact';
import { useRef } from 'preact/hooks';
import type { ArticleCardElement } from 'article-card';
import { story } from '../story.js';

export function App() {
  const ref = useRef<ArticleCardElement>(null);
  return (
    <>
      <article-card id="src-card" src="story.json" loading="eager" class="card" />
      <article-card
        ref={ref}
        payload={story}
        onarticle-card-ready={(event) => ref.current?.expandAll()}
        onarticle-card-toggle={(event) => console.log(event.detail.section, event.detail.open)}
      />
      {/* @ts-expect-error loading is lazy or eager */}
      <article-card loading="soon" />
      {/* @ts-expect-error a toggle's detail has no `opened` */}
      <article-card onarticle-card-toggle={(event) => event.detail.opened} />
    </>
  );
}
