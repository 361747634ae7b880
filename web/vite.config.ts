import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API that `vite` (dev) and `vite preview` forward /graphql to.
const api = process.env.OPENAID_API ?? 'http://127.0.0.1:5000';
const proxy = { '/graphql': { target: api, changeOrigin: true } };

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    // The API host serves this folder at '/', and graphiql.html at '/graphiql'; signin-redirect.html is Entra ID's redirect URI.
    outDir: '../src/OpenAid.Api/webapp',
    emptyOutDir: true,
    // GraphiQL bundles the Monaco editor (~4 MB); it loads only on /graphiql.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html', signinRedirect: 'signin-redirect.html' },
      // GraphiQL's React Compiler output carries "use no memo" directives, which mean nothing once bundled.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
