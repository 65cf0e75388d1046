import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  /* config options here */
  cacheComponents: true,
  partialPrefetching: true,
  // This app lives inside the fiskil-link repository, whose own package-lock.json
  // Next.js would otherwise take for the workspace root (and warn about).
  turbopack: { root: __dirname },
};

export default nextConfig;
