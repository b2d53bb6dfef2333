// React 19: <article-card> in JSX (article-card/types/react) and the ArticleCard wrapper.
import type {} from 'article-card/types/react';
import { useRef } from 'react';
import { ArticleCard } from 'article-card/react';
import type { ArticleCardElement } from 'article-card';
import { story } from '../story.js';

export function Element() {
  const ref = useRef<ArticleCardElement>(null);
  return (
    <>
      <article-card id="src-card" src="story.json" loading="eager" className="card" />
      <article-card
        ref={ref}
        payload={{ ...story }}
        onarticle-card-ready={(event) => ref.current?.open(event.detail.sections[0]?.id ?? '')}
        onarticle-card-toggle={(event) => console.log(event.detail.section, event.detail.open)}
        onarticle-card-link={(event) => event.preventDefault()}
        onarticle-card-error={(event) => console.log(event.detail.problems.length)}
      />
      {/* @ts-expect-error loading is lazy or eager */}
      <article-card loading="soon" />
      {/* @ts-expect-error a toggle's detail has no `opened` */}
      <article-card onarticle-card-toggle={(event) => event.detail.opened} />
      {/* @ts-expect-error payload is a Payload object, not a string */}
      <article-card payload="story.json" />
    </>
  );
}

export function Wrapper() {
  const ref = useRef<ArticleCardElement>(null);
  return (
    <>
      <ArticleCard
        id="state-card"
        ref={ref}
        payload={story}
        loading="eager"
        className="card"
        style={{ maxWidth: '40em' }}
        onReady={(event) => ref.current?.expandAll()}
        onToggle={(event) => console.log(event.detail.open)}
        onLink={(event) => event.preventDefault()}
        onError={(event) => console.log(event.detail.internal)}
      />
      <ArticleCard src="story.json" aria-label="Lead story" data-slot="lead" title="Story" />
      {/* @ts-expect-error children are not passed on: the card renders its own content */}
      <ArticleCard>text</ArticleCard>
      {/* @ts-expect-error loading is lazy or eager */}
      <ArticleCard loading="soon" />
      {/* @ts-expect-error a ready detail has no `title` */}
      <ArticleCard onReady={(event) => event.detail.title} />
    </>
  );
}
