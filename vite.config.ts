import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./client/${name}`, import.meta.url));

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Two pages: the dashboard, and the embed route's page (a chart alone, for <iframe>s; issue 20).
    rollupOptions: { input: { main: page('index.html'), embed: page('embed.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
