import Cards from './cards';

// A server component: Next renders this page to HTML at build time, <article-card> tags
// included. The cards themselves render in the browser, once the client component below has
// loaded the package and the element is defined.
export default function Page() {
  return (
    <main>
      <h1>article-card in Next.js</h1>
      <p>This page is rendered on the server; each card takes over in the browser.</p>
      <Cards />
    </main>
  );
}
