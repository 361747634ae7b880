import { useI18n } from '../i18n';
import { useAuth } from '../lib/auth';

/** Sign-in with Microsoft Entra ID (redirect flow); the button waits until MSAL has started. */
export function EntraSignIn() {
  const { t } = useI18n();
  const { entra } = useAuth();
  return (
    <div className="sign-in">
      <button type="button" disabled={!entra} onClick={() => entra?.signIn()} data-testid="entra-sign-in">
        {t('signin.entra.button')}
      </button>
    </div>
  );
}
