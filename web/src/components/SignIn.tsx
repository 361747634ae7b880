import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAuth, type Session } from '../lib/auth';
import { EntraSignIn } from './EntraSignIn';

/** Sign-in in the header, as the deployment's configuration says: Entra ID, a development token, or none. */
export function SignIn() {
  const { t } = useI18n();
  const { mode, session, signOut } = useAuth();
  if (session) return <SignedIn session={session} signOut={signOut} />;
  switch (mode) {
    case 'entra':
      return <EntraSignIn />;
    case 'development':
      return <DevelopmentSignIn />;
    case 'none':
      return (
        <p className="sign-in hint" data-testid="read-only">
          {t('signin.entra.readOnly')}
        </p>
      );
    default:
      return null;
  }
}

/** Who is signed in (the organisation and roles their token carries) and sign-out. */
function SignedIn({ session, signOut }: { session: Session; signOut: () => void }) {
  const { t, tf } = useI18n();
  return (
    <div className="sign-in" data-testid="signed-in">
      <span>
        {tf('auth.signedInAs', { org: session.organization ?? '—', roles: session.roles.join(', ') || '—' })}
        {session.name ? ` · ${session.name}` : ''}
      </span>
      <button type="button" onClick={signOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/** Development sign-in: paste a token of the local signer. */
function DevelopmentSignIn() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signIn(token)) {
      setToken('');
      setInvalid(false);
      setOpen(false);
    } else {
      setInvalid(true);
    }
  };

  return (
    <div className="sign-in">
      <button type="button" aria-expanded={open} aria-controls="sign-in-form" onClick={() => setOpen(!open)}>
        {t('auth.signIn')}
      </button>
      {open && (
        <form id="sign-in-form" className="sign-in-form" onSubmit={submit} data-testid="sign-in-form">
          <label htmlFor="sign-in-token">{t('auth.token')}</label>
          <textarea id="sign-in-token" rows={3} required value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} />
          <p className="hint">{t('auth.tokenHint')}</p>
          {invalid && (
            <p className="error-box" role="alert">
              {t('auth.invalid')}
            </p>
          )}
          <button type="submit" className="primary">
            {t('auth.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
