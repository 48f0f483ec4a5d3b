import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    svelte(),
    // Offline and installable (docs/architecture.md, "Offline"): Workbox precaches the whole
    // build, lazy chunks and worker scripts included. A new version waits for the user's reload
    // ('prompt'), so a running session never loses the chunks it has yet to load.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Swarm Playground',
        short_name: 'Swarm',
        description:
          'A simulated Docker Swarm in your browser: real docker commands, real Raft, a live graph.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#0b1220',
        theme_color: '#0b1220',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Any page URL (`/?preset=7m3w&seed=3`) is the one page; offline it comes from the cache.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page is taken over at once, so that its lazy chunks come from the
        // cache too, and so that a version activated from it reloads the page.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The budget that matters is the gzipped JavaScript loaded before the prompt, which
    // `npm run bench:load` reports (target 200 KB); Rollup's raw-size warning would only be noise.
    chunkSizeWarningLimit: 800,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
