import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'fiskil-link on Next.js',
  description: 'Connect a bank account with <fiskil-link> in a Next.js App Router app.',
};

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
