import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from files (Electron) and from the loopback host under a CSP of
// `script-src 'self'; style-src 'self'`: everything must be external files, nothing inline.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Inlined data: URLs for assets would need img-src data:; keep every asset a file.
    assetsInlineLimit: 0,
    // The module-preload polyfill is an inline script; Chromium and Electron support modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { strictPort: true },
});
