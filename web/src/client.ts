import { Client, cacheExchange, fetchExchange } from 'urql';

// Queries go out as GET (POST only past ~2 KB of URL) so that HTTP caches and ETags apply.
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: true,
});
