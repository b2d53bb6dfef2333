import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // <article-card> is a native custom element, not a Vue component: without this, Vue
          // tries to resolve it as one ("Failed to resolve component" in development).
          isCustomElement: (tag) => tag === 'article-card',
        },
      },
    }),
  ],
});
