import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';

// Development sign-in: a bearer token (minted with `./run.sh token --role Donor --org ORG-…`) pasted into the page,
// kept in sessionStorage for this tab only. The payload is decoded here for display alone; the API checks the
// signature. Signed in, every request goes out as POST with the Authorization header, so that no shared HTTP cache
// keeps a signed-in answer (the API bypasses its own cache for such requests).

const storageKey = 'openaid.token';

export interface Session {
  token: string;
  organization: string | null;
  region: string | null;
  roles: string[];
  name: string | null;
  expires: Date | null;
}

interface Auth {
  session: Session | null;
  /** Signs in with a token; returns false when it is not a readable JWT. */
  signIn: (token: string) => boolean;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The session a token stands for, or null when it is not a JWT with a JSON payload. */
export function decodeToken(raw: string): Session | null {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
    const roles = payload.roles;
    return {
      token,
      organization: typeof payload.org === 'string' ? payload.org : null,
      region: typeof payload.region === 'string' ? payload.region : null,
      roles: Array.isArray(roles) ? roles.map(String) : typeof roles === 'string' ? [roles] : [],
      name: typeof payload.name === 'string' ? payload.name : null,
      expires: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
    };
  } catch {
    return null;
  }
}

function storedSession(): Session | null {
  try {
    const token = sessionStorage.getItem(storageKey);
    const session = token ? decodeToken(token) : null;
    return session && (!session.expires || session.expires > new Date()) ? session : null;
  } catch {
    return null;
  }
}

function makeClient(token: string | null): Client {
  if (!token) {
    // Anonymous queries go out as GET (POST only past ~2 KB of URL) so that HTTP caches and ETags apply.
    return new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: true });
  }
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` }, cache: 'no-store' }),
  });
}

/** Holds the session and gives the app an urql client that signs its requests while signed in. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);

  const signIn = useCallback((raw: string) => {
    const next = decodeToken(raw);
    if (!next) return false;
    try {
      sessionStorage.setItem(storageKey, next.token);
    } catch {
      // Storage may be unavailable; the session lasts until the page reloads.
    }
    setSession(next);
    return true;
  }, []);

  const signOut = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing stored.
    }
    setSession(null);
  }, []);

  const token = session?.token ?? null;
  // A fresh client (and cache) per session: nothing read while signed in is shown after signing out.
  const client = useMemo(() => makeClient(token), [token]);
  const value = useMemo<Auth>(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return (
    <AuthContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
