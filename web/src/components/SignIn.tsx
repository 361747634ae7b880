import { useEffect, useRef, useState, type FormEvent, type MutableRefObject } from 'react';
import { useI18n } from '../i18n';
import { useAuth, type Session } from '../lib/auth';
import { devSignIn, listDevUsers, type DevUser } from '../lib/devSignIn';
import { EntraSignIn } from './EntraSignIn';
import { grantText } from './Grants';

/** Sign-in in the header, as the deployment's configuration says: Entra ID, development sign-in, or none. */
export function SignIn() {
  const { t } = useI18n();
  const { mode, session, signOut } = useAuth();
  // Set when someone signs in here, so that the header they land on takes the focus (not on a page load).
  const justSignedIn = useRef(false);
  if (session) return <SignedIn session={session} signOut={signOut} focus={justSignedIn} />;
  switch (mode) {
    case 'entra':
      return <EntraSignIn />;
    case 'development':
      return <DevelopmentSignIn onSigningIn={() => (justSignedIn.current = true)} />;
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

/** Who is signed in: their name and every grant (role, region, organisation) in the page's language; sign-out. */
function SignedIn({ session, signOut, focus }: { session: Session; signOut: () => void; focus: MutableRefObject<boolean> }) {
  const { t } = useI18n();
  const header = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus.current) return;
    focus.current = false;
    header.current?.focus();
  }, [focus]);
  return (
    <div className="sign-in" data-testid="signed-in" role="group" aria-label={t('signin.signedIn')} tabIndex={-1} ref={header}>
      <span className="person-name" data-testid="signed-in-name">
        {session.name ?? '—'}
      </span>
      {session.grants.length === 0 ? (
        <span className="signed-in-grants">{t('signin.noGrants')}</span>
      ) : (
        <ul className="signed-in-grants" data-testid="signed-in-grants">
          {session.grants.map((g, i) => (
            <li key={i}>{grantText(t, g)}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={signOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/** Development sign-in: "sign in as" one of the people the local signer knows, or paste a token (folded). */
function DevelopmentSignIn({ onSigningIn }: { onSigningIn: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="sign-in">
      <button ref={toggle} type="button" aria-expanded={open} aria-controls="sign-in-panel" onClick={() => setOpen(!open)}>
        {t('auth.signIn')}
      </button>
      {open && (
        <div
          id="sign-in-panel"
          className="sign-in-panel"
          data-testid="sign-in-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <PeoplePicker onSigningIn={onSigningIn} />
          <details data-testid="sign-in-token">
            <summary>{t('signin.token.toggle')}</summary>
            <TokenForm onSigningIn={onSigningIn} />
          </details>
        </div>
      )}
    </div>
  );
}

/** A failure that is no HTTP status: the API's token could not be read as a JWT. */
const unreadableToken = -1;

type PeopleList = { state: 'loading' } | { state: 'failed'; status: number } | { state: 'loaded'; users: DevUser[] };

/** The people of GET /dev/users, each a button: choosing one asks POST /dev/sign-in for their token and signs in. */
function PeoplePicker({ onSigningIn }: { onSigningIn: () => void }) {
  const { t, tf } = useI18n();
  const { signIn } = useAuth();
  const [list, setList] = useState<PeopleList>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [signing, setSigning] = useState<string | null>(null);
  const [failure, setFailure] = useState<number | null>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setList({ state: 'loading' });
    listDevUsers(abort.signal).then(
      (answer) => setList(answer.ok ? { state: 'loaded', users: answer.users } : { state: 'failed', status: answer.status }),
      () => undefined, // closed before the answer came
    );
    return () => abort.abort();
  }, [attempt]);

  // Opened from the keyboard, the focus goes to the first person rather than staying behind on the button.
  const loaded = list.state === 'loaded';
  useEffect(() => {
    if (loaded) first.current?.focus();
  }, [loaded]);

  const choose = async (subject: string) => {
    if (signing) return;
    setSigning(subject);
    setFailure(null);
    const answer = await devSignIn(subject);
    if (answer.ok) {
      onSigningIn();
      if (signIn(answer.token)) return; // the header changes once the API has told the person's grants
    }
    setSigning(null);
    setFailure(answer.ok ? unreadableToken : answer.status);
  };

  // The API's refusals are English sentences: the page words them from the status.
  const listError = (status: number) =>
    status === 404 ? t('signin.error.unavailable') : status === 0 ? t('signin.error.network') : tf('signin.error.list', { status });
  const signInError = (status: number) =>
    status === 404 ? t('signin.error.gone') : status === 0 ? t('signin.error.network') : status === unreadableToken ? t('auth.invalid') : tf('signin.error.signIn', { status });

  return (
    <div className="sign-in-picker">
      <p id="sign-in-as" className="sign-in-title">
        {t('signin.pick.title')}
      </p>
      <p className="hint">{t('signin.pick.hint')}</p>
      {list.state === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('signin.pick.loading')}
        </p>
      )}
      {list.state === 'failed' && (
        <div className="error-box" role="alert" data-testid="sign-in-picker-error">
          <p>{listError(list.status)}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('signin.retry')}
          </button>
        </div>
      )}
      {list.state === 'loaded' &&
        (list.users.length === 0 ? (
          <p className="muted">{t('signin.pick.none')}</p>
        ) : (
          <ul className="sign-in-people" aria-labelledby="sign-in-as" aria-busy={signing !== null} data-testid="sign-in-picker">
            {list.users.map((user, i) => (
              <li key={user.subject}>
                <button type="button" ref={i === 0 ? first : undefined} data-subject={user.subject} onClick={() => void choose(user.subject)}>
                  <span className="person-name">{user.name ?? user.subject}</span> <span className="code">{user.subject}</span>
                  {user.grants.map((g, j) => (
                    <span key={j} className="person-grant">
                      {grantText(t, g)}
                    </span>
                  ))}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {signing && (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" />
          {t('signin.pick.signingIn')}
        </p>
      )}
      {failure !== null && (
        <p className="error-box" role="alert" data-testid="sign-in-error">
          {signInError(failure)}
        </p>
      )}
    </div>
  );
}

/** For scripts and tokens made with `./run.sh token`: paste a token of the local signer. */
function TokenForm({ onSigningIn }: { onSigningIn: () => void }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSigningIn();
    setInvalid(!signIn(token));
  };

  return (
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
  );
}
