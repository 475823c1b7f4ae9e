import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    // Hashed asset names let the server cache them for a long time; index.html is never cached.
    assetsDir: 'assets',
    sourcemap: true,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
