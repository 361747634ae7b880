import { Suspense, createContext, lazy, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, gql } from 'urql';

// How this deployment signs people in comes from the server at start (GET /config/sign-in), so one build serves
// every deployment:
// - 'entra': Microsoft Entra ID through MSAL (./entra.tsx, loaded only then), redirect flow, the access token
//   acquired silently before each request;
// - 'development': a bearer token of the local signer, for a person chosen in the header's "sign in as" picker
//   (GET /dev/users, POST /dev/sign-in, see ../components/SignIn.tsx) or pasted (`./run.sh token …`), kept in
//   sessionStorage for this tab only;
// - 'none': a read-only deployment, no sign-in control.
// A token only says who is signed in; what they may do comes from their grants, which the API keeps and `me` tells
// (roles, the region and organisation each is for). A token's payload is decoded here for its name and expiry alone;
// the API checks the signature. Signed in, every request goes
// out as POST with the Authorization header, so that no shared HTTP cache keeps a signed-in answer (the API bypasses
// its own cache for such requests).

const storageKey = 'openaid.token';

/** One grant of the signed-in person: a role, for a region subtree (null: nationwide) and, for a Donor, an organisation. */
export interface SessionGrant {
  role: string;
  region: string | null;
  regionName: string | null;
  organization: string | null;
  organizationName: string | null;
}

export interface Session {
  token: string;
  /** Roles as the app names them ('Publisher', 'Reviewer', 'Donor', 'Auditor', 'Admin'). */
  roles: string[];
  grants: SessionGrant[];
  name: string | null;
  expires: Date | null;
}

interface SignedInAs {
  name: string | null;
  roles: string[];
  grants: { role: string; region: { shortCode: string; name: string } | null; organization: { code: string; name: string } | null }[];
}

const Me = gql<{ me: SignedInAs | null }>`
  query SignedInAs {
    me {
      name
      roles
      grants {
        role
        region {
          shortCode
          name
        }
        organization {
          code
          name
        }
      }
    }
  }
`;

/** 'PUBLISHER' → 'Publisher': the schema's enum value as the app names the role. */
export function roleName(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase();
}

/** The session with what the API says the person may do. */
function withGrants(session: Session, me: SignedInAs): Session {
  const granted: SessionGrant[] = me.grants.map((g) => ({
    role: roleName(g.role),
    region: g.region?.shortCode ?? null,
    regionName: g.region?.name ?? null,
    organization: g.organization?.code ?? null,
    organizationName: g.organization?.name ?? null,
  }));
  const roles = [...new Set(me.roles.map(roleName))];
  // A role without a grant record (Entra ID's Admin app role) counts as a nationwide grant of it.
  const implied = roles.filter((r) => !granted.some((g) => g.role === r)).map((role) => ({ role, region: null, regionName: null, organization: null, organizationName: null }));
  const grants = [...granted, ...implied];
  return {
    ...session,
    name: me.name ?? session.name,
    roles,
    grants,
  };
}

/** The person's grants of one role, in the order the API gives them; a workspace acts for one of them. */
export function grantsOf(session: Session | null, role: string): SessionGrant[] {
  return session?.grants.filter((g) => g.role === role) ?? [];
}

export type SignInMode = 'entra' | 'development' | 'none';

/** The answer of GET /config/sign-in; the Entra ID fields only in 'entra' mode. */
export interface SignInConfig {
  mode: SignInMode;
  clientId?: string;
  authority?: string;
  scopes?: string[];
  redirectPath?: string;
}

/** What a sign-in method gives the app once someone is signed in: who, and a fresh access token per request. */
export interface SignedIn {
  session: Session;
  /** The access token for the next request, renewed by the sign-in method before it expires. */
  token: () => Promise<string>;
}

/** Entra ID sign-in as ./entra.tsx offers it once MSAL has started. */
export interface EntraSignIn {
  signedIn: SignedIn | null;
  /** Goes to Entra ID's sign-in page and comes back signed in. */
  signIn: () => void;
  /** Ends the session here and at Entra ID. */
  signOut: () => void;
}

interface Auth {
  /** null while the configuration loads. */
  mode: SignInMode | null;
  session: Session | null;
  /** Development: signs in with a token; returns false when it is not a readable JWT. */
  signIn: (token: string) => boolean;
  /** Entra ID: null until MSAL has started. */
  entra: EntraSignIn | null;
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
    // What the person may do is filled in from `me` once signed in.
    return {
      token,
      roles: [],
      grants: [],
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

/** The deployment's sign-in configuration; read-only when it cannot be read. */
async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const response = await fetch('/config/sign-in', { headers: { accept: 'application/json' } });
    if (!response.ok) return { mode: 'none' };
    const config = (await response.json()) as SignInConfig;
    return config.mode === 'entra' || config.mode === 'development' ? config : { mode: 'none' };
  } catch {
    return { mode: 'none' };
  }
}

/** Anonymous without a token provider; otherwise every request carries the token the provider gives at that moment. */
function makeClient(token: (() => Promise<string>) | null): Client {
  if (!token) {
    // Anonymous queries go out as GET (POST only past ~2 KB of URL) so that HTTP caches and ETags apply.
    return new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: true });
  }
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: { cache: 'no-store' },
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await token()}`);
      return fetch(input, { ...init, headers });
    },
  });
}

// MSAL is a chunk of its own, fetched only where the deployment signs in with Entra ID.
const EntraConnector = lazy(() => import('./entra'));

/** Holds the session and gives the app an urql client that signs its requests while signed in. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [developmentSession, setDevelopmentSession] = useState<Session | null>(storedSession);
  const [entra, setEntra] = useState<EntraSignIn | null>(null);

  useEffect(() => {
    let current = true;
    void loadSignInConfig().then((loaded) => current && setConfig(loaded));
    return () => {
      current = false;
    };
  }, []);

  const signIn = useCallback((raw: string) => {
    const next = decodeToken(raw);
    if (!next) return false;
    try {
      sessionStorage.setItem(storageKey, next.token);
    } catch {
      // Storage may be unavailable; the session lasts until the page reloads.
    }
    setDevelopmentSession(next);
    return true;
  }, []);

  const signOutDevelopment = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing stored.
    }
    setDevelopmentSession(null);
  }, []);

  const mode = config?.mode ?? null;
  // A pasted token counts only where the deployment signs in with development tokens.
  const development = mode === 'development' ? developmentSession : null;
  const signedIn = useMemo<SignedIn | null>(
    () => (development ? { session: development, token: () => Promise.resolve(development.token) } : null),
    [development],
  );
  const current = mode === 'entra' ? (entra?.signedIn ?? null) : signedIn;
  const signOut = mode === 'entra' ? (entra?.signOut ?? signOutDevelopment) : signOutDevelopment;

  // A fresh client (and cache) per session: nothing read while signed in is shown after signing out.
  const tokenProvider = current?.token ?? null;
  const client = useMemo(() => makeClient(tokenProvider), [tokenProvider]);

  // What the signed-in person may do: their grants, read once per session. Until they are known the person counts as
  // signed in with no role, so the page never shows a role it has not been told of.
  const [granted, setGranted] = useState<{ client: Client; me: SignedInAs | null } | null>(null);
  useEffect(() => {
    if (!tokenProvider) return undefined;
    let live = true;
    void client
      .query(Me, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((answer) => live && setGranted({ client, me: answer.data?.me ?? null }));
    return () => {
      live = false;
    };
  }, [client, tokenProvider]);
  const known = granted?.client === client ? granted : null;
  // Shown once `me` has answered (a failed answer leaves the person signed in with no role).
  const session = useMemo(() => (current && known ? (known.me ? withGrants(current.session, known.me) : current.session) : null), [current, known]);

  const value = useMemo<Auth>(() => ({ mode, session, signIn, entra, signOut }), [mode, session, signIn, entra, signOut]);
  return (
    <AuthContext.Provider value={value}>
      {mode === 'entra' && config && (
        <Suspense fallback={null}>
          <EntraConnector config={config} onChange={setEntra} />
        </Suspense>
      )}
      <Provider value={client}>{children}</Provider>
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
