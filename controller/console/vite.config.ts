// Builds the operator console (index.html next to this file) into ./dist; the controller serves it at /console/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: consoleRoot,
  base: '/console/',
  plugins: [react()],
  // Government halls often run the controller on an isolated network: never reference a CDN.
  publicDir: false,
  server: { fs: { allow: [repoRoot] } },
  build: {
    // GONGSHI_CONSOLE_DIST: see controller/server/http/console-pages.ts.
    outDir: process.env.GONGSHI_CONSOLE_DIST ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // antd is large by nature; pages are split by route, so only the vendor chunk is big.
    chunkSizeWarningLimit: 2000,
  },
});
