// Builds the kiosk display (index.html next to this file) into ./dist, whatever the working directory.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const displayRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: displayRoot,
  // Relative URLs keep the build servable from any path the core chooses.
  base: './',
  plugins: [react()],
  // The display is served from 127.0.0.1 with no network: never reference a CDN or public/ dir.
  publicDir: false,
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Kiosk hardware is Debian's Chromium or Electron: recent, so no legacy transforms.
    target: 'chrome120',
    sourcemap: false,
  },
});
