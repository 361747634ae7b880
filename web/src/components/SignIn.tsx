import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAuth } from '../lib/auth';

/** Development sign-in in the header: paste a token, see the organisation and roles it carries, sign out. */
export function SignIn() {
  const { t, tf } = useI18n();
  const { session, signIn, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (session) {
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
