import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The API that `vite` (dev) and `vite preview` forward /graphql to.
const api = process.env.OPENAID_API ?? 'http://127.0.0.1:5000';
const proxy = { '/graphql': { target: api, changeOrigin: true } };

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each compressible file under assets/, once at build time, so the
 * API host serves them to browsers that accept them without compressing per request (src/OpenAid.Api/Http/WebApp.cs).
 * A copy that saves less than a tenth is not written.
 */
function precompressAssets(): Plugin {
  const compressible = /\.(js|css|svg|json|ttf)$/;
  const encoders: [string, (data: Buffer) => Promise<Buffer>][] = [
    ['.br', (data) => promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
    ['.gz', (data) => promisify(gzip)(data, { level: 9 })],
  ];
  let assets = '';
  return {
    name: 'openaid-precompress-assets',
    apply: 'build',
    configResolved(config) {
      assets = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    async closeBundle() {
      const files = (await readdir(assets)).filter((file) => compressible.test(file));
      await Promise.all(
        files.flatMap((file) =>
          encoders.map(async ([suffix, encode]) => {
            const data = await readFile(join(assets, file));
            const encoded = await encode(data);
            if (encoded.length < data.length * 0.9) await writeFile(join(assets, file + suffix), encoded);
          }),
        ),
      );
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), precompressAssets()],
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
