import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'article-card in Next.js',
  // No favicon request (and no 404 in the console) for an example page.
  icons: { icon: 'data:,' },
};

// No next/font: the build must not fetch fonts from the network.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
