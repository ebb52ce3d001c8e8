import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The workspace UI: built to dist/renderer, served by the shells from a fixed origin. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // All the first screen needs in one chunk, as one request; what React.lazy loads later comes in chunks of its own.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
});
