/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The portal is served by the API server at /portal/ from dist/web (src/portal/serve-portal.ts). */
export default defineConfig({
  root,
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything as files: the portal's CSP allows no inline script or style.
    assetsInlineLimit: 0,
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Two shared cores: rendering Mantine in jsdom is slow, not wrong.
    testTimeout: 30_000,
  },
});
