// Solid: <article-card> in JSX (article-card/types/solid).
import type {} from 'article-card/types/solid';
import type { ArticleCardElement } from 'article-card';
import { story } from '../story.js';

export function App() {
  let card: ArticleCardElement | undefined;
  return (
    <>
      <article-card id="src-card" src="story.json" loading="eager" class="card" />
      <article-card
        ref={card}
        payload={story}
        on:article-card-ready={(event) => card?.open(event.detail.sections[0]?.id ?? '')}
        on:article-card-toggle={(event) => console.log(event.detail.section, event.detail.open)}
      />
      <article-card prop:payload={story} />
      {/* @ts-expect-error loading is lazy or eager */}
      <article-card loading="soon" />
      {/* @ts-expect-error a toggle's detail has no `opened` */}
      <article-card on:article-card-toggle={(event) => event.detail.opened} />
    </>
  );
}
