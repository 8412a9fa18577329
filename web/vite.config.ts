/**
 * The web page's build: web/ → dist/web/, served by `acta serve` at /. Every asset ships in the
 * package (nothing from a CDN) and nothing is inlined into the HTML, so the page runs under a
 * Content Security Policy with script-src 'self' and style-src 'self'.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No data: URIs and no inline module-preload script: every byte is a file under /assets.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
