import { InteractionRequiredAuthError, InteractionStatus, PublicClientApplication } from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { useEffect, useMemo } from 'react';
import { decodeToken, type EntraSignIn, type SignInConfig } from './auth';

// Microsoft Entra ID sign-in, loaded only where GET /config/sign-in says 'entra'. Redirect flow: Entra ID sends the
// browser back to the redirect bridge page (signin-redirect.html), which hands the answer to this page's MSAL. MSAL
// keeps its tokens in sessionStorage (this tab only, like a development token).

interface Props {
  config: SignInConfig;
  onChange: (entra: EntraSignIn) => void;
}

export default function EntraConnector({ config, onChange }: Props) {
  const redirectUri = new URL(config.redirectPath ?? '/', location.origin).href;
  const instance = useMemo(
    () =>
      new PublicClientApplication({
        auth: {
          clientId: config.clientId ?? '',
          authority: config.authority,
          redirectUri,
          postLogoutRedirectUri: `${location.origin}/`,
        },
        cache: { cacheLocation: 'sessionStorage' },
      }),
    [config.clientId, config.authority, redirectUri],
  );
  return (
    <MsalProvider instance={instance}>
      <EntraSession scopes={config.scopes ?? []} redirectUri={redirectUri} onChange={onChange} />
    </MsalProvider>
  );
}

function EntraSession({ scopes, redirectUri, onChange }: { scopes: string[]; redirectUri: string; onChange: Props['onChange'] }) {
  const { instance, accounts, inProgress } = useMsal();
  const account = accounts[0] ?? null;
  const accountId = account?.homeAccountId ?? null;
  const scopeList = scopes.join(' ');

  useEffect(() => {
    // Nothing is decided while MSAL handles a redirect answer or sends the browser away.
    if (inProgress !== InteractionStatus.None) return;
    const request = { scopes: scopeList.split(' ').filter(Boolean), redirectUri };
    const signIn = () => void instance.loginRedirect(request);
    const signedOut: EntraSignIn = { signedIn: null, signIn, signOut: () => void instance.logoutRedirect() };
    const current = accountId ? instance.getAccount({ homeAccountId: accountId }) : null;
    if (!current) {
      onChange(signedOut);
      return;
    }

    instance.setActiveAccount(current);
    // MSAL answers from its cache and renews the token (by its refresh token) shortly before it expires; when Entra ID
    // wants the person back (consent, MFA, a session ended elsewhere), the browser goes there and comes back.
    const token = async () => {
      try {
        return (await instance.acquireTokenSilent({ ...request, account: current })).accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) await instance.acquireTokenRedirect({ ...request, account: current });
        throw error;
      }
    };
    const signOut = () => {
      onChange(signedOut);
      void instance.logoutRedirect({ account: current });
    };
    let live = true;
    token()
      .then((accessToken) => {
        const session = decodeToken(accessToken);
        if (live && session) onChange({ signedIn: { session: { ...session, name: session.name ?? current.name ?? null }, token }, signIn, signOut });
      })
      .catch(() => live && onChange(signedOut));
    return () => {
      live = false;
    };
  }, [instance, accountId, inProgress, scopeList, redirectUri, onChange]);

  return null;
}
