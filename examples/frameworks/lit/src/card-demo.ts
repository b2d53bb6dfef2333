import { LitElement, css, html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type {
  ArticleCardElement,
  ArticleCardReadyDetail,
  ArticleCardToggleDetail,
  Payload,
} from 'article-card';
import storyA from './stories/a.json';
import storyB from './stories/b.json';

const stories: readonly Payload[] = [storyA as Payload, storyB as Payload];

const idOf = (event: Event) => (event.target instanceof Element ? event.target.id : '?');

/**
 * The page: two cards, the buttons and the event log, all inside this element's shadow root
 * (the cards' events are composed, so they reach the listeners Lit adds here either way).
 *
 * Lit sets an object bound with `.payload=${…}` again on every render, equal or not; the card
 * ignores a payload equal to the one it shows, so re-rendering keeps its open sections.
 */
export class CardDemo extends LitElement {
  static properties = {
    which: { state: true },
    story: { state: true },
    renders: { state: true },
    mounted: { state: true },
    log: { state: true },
  };

  static styles = css`
    :host {
      display: block;
      max-width: 46rem;
      margin: 0 auto;
      font-family: system-ui, sans-serif;
    }
  `;

  declare which: number;
  declare story: Payload;
  declare renders: number;
  declare mounted: boolean;
  declare log: string[];

  private card = createRef<ArticleCardElement>();

  constructor() {
    super();
    this.which = 0;
    this.story = stories[0];
    this.renders = 0;
    this.mounted = true;
    this.log = [];
  }

  private add(line: string) {
    this.log = [...this.log, line];
  }

  private onReady = (e: CustomEvent<ArticleCardReadyDetail>) => this.add(`ready ${idOf(e)} ${e.detail.id}`);
  private onToggle = (e: CustomEvent<ArticleCardToggleDetail>) =>
    this.add(`toggle ${idOf(e)} ${e.detail.section} ${e.detail.open ? 'open' : 'closed'}`);
  private onError = (e: Event) => this.add(`error ${idOf(e)}`);

  private swap() {
    this.which = 1 - this.which;
    this.story = stories[this.which];
  }

  // A parent re-render that hands the card a new object equal to the one it shows.
  private rerender() {
    this.renders += 1;
    this.story = { ...this.story };
  }

  render() {
    return html`
      <h1>article-card in Lit 3</h1>
      <p>
        <button id="swap" type="button" @click=${this.swap}>Swap story</button>
        <button id="expand" type="button" @click=${() => this.card.value?.expandAll()}>Expand all</button>
        <button id="rerender" type="button" @click=${this.rerender}>Re-render</button>
        <button id="toggle-mount" type="button" @click=${() => (this.mounted = !this.mounted)}>
          Unmount / mount
        </button>
        Renders: <output id="renders">${this.renders}</output>
      </p>

      <h2>From a URL</h2>
      <article-card
        id="src-card"
        src="story.json"
        loading="eager"
        @article-card-ready=${this.onReady}
        @article-card-toggle=${this.onToggle}
        @article-card-error=${this.onError}
      ></article-card>

      <h2>From Lit state (<code>.payload</code>)</h2>
      ${this.mounted
        ? html`<article-card
            id="state-card"
            loading="eager"
            ${ref(this.card)}
            .payload=${this.story}
            @article-card-ready=${this.onReady}
            @article-card-toggle=${this.onToggle}
            @article-card-error=${this.onError}
          ></article-card>`
        : null}

      <h2>Events</h2>
      <ul id="log">
        ${this.log.map((line) => html`<li>${line}</li>`)}
      </ul>
    `;
  }
}

customElements.define('card-demo', CardDemo);

declare global {
  interface HTMLElementTagNameMap {
    'card-demo': CardDemo;
  }
}
