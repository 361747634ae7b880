import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { useAuth } from '../../lib/auth';
import { Link } from '../../router';

const workspaces: { roles: string[]; path: string; label: MessageKey }[] = [
  { roles: ['Publisher'], path: '/work/publisher', label: 'publisher.title' },
  { roles: ['Reviewer'], path: '/work/reviewer', label: 'reviewer.title' },
  { roles: ['Donor'], path: '/work/donor', label: 'donor.title' },
  { roles: ['Auditor'], path: '/work/auditor', label: 'auditor.title' },
  { roles: ['Admin'], path: '/work/admin', label: 'admin.title' },
  { roles: ['Admin', 'Auditor'], path: '/work/redactions', label: 'redactions.title' },
];

/** #/work: the workspaces of the signed-in person's roles. */
export function Workspaces() {
  const { t } = useI18n();
  const { session } = useAuth();
  const mine = workspaces.filter((w) => w.roles.some((role) => session?.roles.includes(role)));
  return (
    <>
      <h1>{t('work.title')}</h1>
      {mine.length === 0 ? (
        <p data-testid="workspace-signed-out">{t('work.none')}</p>
      ) : (
        <ul data-testid="workspaces">
          {mine.map((w) => (
            <li key={w.path}>
              <Link to={w.path}>{t(w.label)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
