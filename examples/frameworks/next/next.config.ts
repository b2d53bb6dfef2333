import type { NextConfig } from 'next';

const config: NextConfig = {
  // This app sits inside the article-card repository, which has a lockfile of its own: without
  // a root, Turbopack guesses the repository and warns.
  turbopack: { root: __dirname },
};

export default config;
