// Lets svelte-check type <article-card> in templates: its attributes, `payload`, and the
// `onarticle-card-*` event attributes with typed `detail`.
/// <reference types="article-card/types/svelte" />
