// The Custom Elements Manifest (custom-elements.json in the npm package, generated from
// npm/element-api.mjs) against the live element, both ways: everything it lists exists, and
// everything the element has is listed. What the element has is read from the running card:
// observedAttributes, its class's own members, the events it dispatches in a scripted session
// (ready, toggles, a link, errors), every `part` in the shadow DOM of a fully expanded card, a
// loading card and two error cards, and every --article-card-* custom property its stylesheet
// reads. A control shows the comparison notices one missing entry of each kind.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as api from '../../npm/element-api.mjs';
import { BUNDLE_MOUNTS, TEST_TIMEOUT, useBrowserAndServer, waitForState } from './browser.mjs';
import { SEED } from './fixtures.mjs';

const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

const PAGE = '/manifest-check.html';
const NEVER = '/cards/never-answers.json';
const { customElementsManifest, tagName } = api;
const LINK_EVENT = api.events.find((e) => e.name.endsWith('-link'))?.name;

// Callbacks the browser calls, not API: a manifest does not list them.
const LIFECYCLE = new Set([
  'constructor',
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'connectedMoveCallback',
]);
// What every class has, and observedAttributes, which the manifest says as `attributes`.
const STATIC_BUILTINS = new Set(['length', 'name', 'prototype', 'observedAttributes']);

/** The page: the bundle, and a recorder of every event dispatched on an <article-card>. */
function routePage(page) {
  return Promise.all([
    page.route(`**${PAGE}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>manifest</title>
          <script>
            window.__dispatched = new Set();
            const dispatch = EventTarget.prototype.dispatchEvent;
            EventTarget.prototype.dispatchEvent = function (event) {
              if (this instanceof Element && this.localName === ${JSON.stringify(tagName)}) window.__dispatched.add(event.type);
              return dispatch.call(this, event);
            };
          </script>
          <script type="module" src="/article-card/article-card.js"></script></head><body></body></html>`,
      }),
    ),
    // A card stays in its loading state while its payload never arrives.
    page.route(`**${NEVER}`, () => {}),
    // No link leaves the page, whatever the card or the listener does.
    page.route('https://**/*', (route) => route.abort()),
  ]);
}

/** Drives the cards through every state and reads what the element really has. */
async function observeElement(page) {
  await page.evaluate(
    ({ tag, payload, never, linkEvent }) => {
      const add = (id, set) => {
        const card = document.createElement(tag);
        card.id = id;
        card.setAttribute('loading', 'eager');
        set(card);
        document.body.append(card);
      };
      // The page cancels links, so the scripted click below stays on the page.
      if (linkEvent) document.addEventListener(linkEvent, (event) => event.preventDefault());
      add('full', (card) => (card.payload = payload));
      add('invalid', (card) => (card.payload = { version: 1 }));
      add('missing', (card) => card.setAttribute('src', '/cards/missing-on-purpose.json'));
      add('loading', (card) => card.setAttribute('src', never));
    },
    { tag: tagName, payload: SEED, never: NEVER, linkEvent: LINK_EVENT },
  );
  await waitForState(page, '#full', 'ready');
  await waitForState(page, '#invalid', 'error');
  await waitForState(page, '#missing', 'error');
  await waitForState(page, '#loading', 'loading');
  await page.evaluate(() => document.getElementById('full').expandAll());
  await page.locator('#full [part~="link"]').first().click();

  return page.evaluate((tag) => {
    const ctor = customElements.get(tag);
    const cards = [...document.querySelectorAll(tag)];
    const parts = new Set();
    for (const card of cards) {
      for (const el of card.shadowRoot?.querySelectorAll('[part]') ?? []) {
        for (const name of el.getAttribute('part').split(/\s+/)) if (name) parts.add(name);
      }
    }
    // Every custom property the card's CSS reads, from the live stylesheets of its shadow root.
    const properties = new Set();
    const walk = (rules) => {
      for (const rule of rules) {
        for (const [, name] of rule.cssText.matchAll(/var\(\s*(--[\w-]+)/g)) properties.add(name);
        if (rule.cssRules) walk(rule.cssRules);
      }
    };
    const root = document.getElementById('full').shadowRoot;
    for (const sheet of [...root.adoptedStyleSheets, ...root.styleSheets]) walk(sheet.cssRules);
    return {
      attributes: [...(ctor.observedAttributes ?? [])],
      instanceMembers: Object.getOwnPropertyNames(ctor.prototype),
      staticMembers: Object.getOwnPropertyNames(ctor),
      events: [...window.__dispatched],
      parts: [...parts],
      cssProperties: [...properties].filter((name) => name.startsWith('--article-card-')),
    };
  }, tagName);
}

/** Every way the manifest and the observed element differ, in words; empty if they agree. */
function differences(manifest, observed) {
  const declaration = manifest.modules[0].declarations[0];
  const members = declaration.members ?? [];
  const listed = {
    attributes: (declaration.attributes ?? []).map((a) => a.name),
    instanceMembers: members.filter((m) => !m.static).map((m) => m.name),
    staticMembers: members.filter((m) => m.static).map((m) => m.name),
    events: (declaration.events ?? []).map((e) => e.name),
    parts: (declaration.cssParts ?? []).map((p) => p.name),
    cssProperties: (declaration.cssProperties ?? []).map((p) => p.name),
  };
  const present = {
    ...observed,
    instanceMembers: observed.instanceMembers.filter((name) => !LIFECYCLE.has(name)),
    staticMembers: observed.staticMembers.filter((name) => !STATIC_BUILTINS.has(name)),
  };
  const found = [];
  for (const [kind, names] of Object.entries(listed)) {
    const actual = new Set(present[kind]);
    for (const name of names) if (!actual.has(name)) found.push(`${kind}: ${name} is listed but the element has none`);
    for (const name of actual) if (!names.includes(name)) found.push(`${kind}: ${name} exists but is not listed`);
  }
  return found;
}

let observed;

test('the manifest lists exactly what the element has', TEST_TIMEOUT, async () => {
  await harness.withPage(PAGE, { beforeGoto: routePage }, async ({ page, log }) => {
    observed = await observeElement(page);
    assert.deepEqual(log.pageErrors, []);
  });
  assert.deepEqual(differences(customElementsManifest(), observed), []);
  // Nothing vacuous: each kind was really found in the element.
  for (const [kind, names] of Object.entries(observed)) assert.ok(names.length > 0, `no ${kind} found`);
});

test('control: a manifest missing one entry of any kind fails the check', () => {
  assert.ok(observed, 'needs the element observed by the test above');
  for (const kind of ['attributes', 'properties', 'methods', 'events', 'cssParts', 'cssProperties']) {
    const manifest = customElementsManifest(withoutFirst(kind));
    const found = differences(manifest, observed);
    assert.equal(found.length, 1, `${kind}: ${JSON.stringify(found)}`);
    assert.match(found[0], /exists but is not listed/);
  }
});

/** The element's API with the first entry of one kind removed. */
function withoutFirst(kind) {
  const { attributes, properties, methods, events, cssParts, cssProperties } = api;
  const lists = { attributes, properties, methods, events, cssParts, cssProperties };
  return { ...lists, [kind]: lists[kind].slice(1) };
}
