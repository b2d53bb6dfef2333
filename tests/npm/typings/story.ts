// One payload every check shares: typed as the package's Payload, so a required member the Rust
// types add, or one they drop, fails here too.
import type { Payload } from 'article-card';

export const story: Payload = {
  version: 1,
  id: 'garages-to-homes',
  headline: 'Council votes to turn three car parks into 900 homes',
  source: { name: 'The Riverside Ledger', url: 'https://example.com/news/car-parks-to-homes' },
  quote: { text: 'We are building homes where we used to store cars.', attribution: 'Deputy leader' },
  sections: [{ id: 'why', title: 'Why This Matters', body: 'Waiting lists have doubled.' }],
};
