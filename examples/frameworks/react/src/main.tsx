// The package is imported before React renders anything: <article-card> is then defined, so
// React 19 sets `payload` as a property and wires `onarticle-card-*` props as event listeners.
// Rendered before the definition, React would set a `payload="[object Object]"` attribute.
import 'article-card';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
