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
    // antd's components, shared by every page, make one long-cached ~1.2 MB (380 kB gzip) chunk.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        // Big libraries in their own long-cached chunks; pages are split by lazy imports.
        codeSplitting: {
          groups: [
            // React first: main.tsx's first-screen requests need React (use-api) but not antd.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-)/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
