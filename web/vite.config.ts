import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by `shoplens serve` from web/dist; in `vite dev` the API is proxied to it.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is one ~560 kB chunk (the largest); antd is split by use (see below).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // V8's explicit compile hint: compile every function of the script on the background
        // thread that streams it in, not lazily on the main thread at its first call. In a
        // private window (no code cache) a warm visit of 经营总览 otherwise spends a third of its
        // main-thread time compiling React, antd and ECharts function by function; with the hint
        // it spends a quarter less main-thread time in all (bench:web). Chunks load when a page
        // needs them, so few of the functions compiled go unused.
        postBanner: (chunk) => (chunk.fileName.endsWith('.js') ? '//# allFunctionsCalledOnLoad' : ''),
        // Big libraries in their own long-cached chunks; pages are split by lazy imports.
        codeSplitting: {
          groups: [
            // React first: main.tsx's first-screen requests need React (use-api) but not antd.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/, priority: 2 },
            // antd is not one chunk: a browser compiles every script it loads again on each visit
            // of a private window (no code cache there), and one chunk of all of antd made every
            // page compile Table, Form, Upload, Drawer… whether it showed them or not. Split by
            // use, 经营总览 loads a sixth less JavaScript (1.85 → 1.53 MB) and a third less of antd.
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
