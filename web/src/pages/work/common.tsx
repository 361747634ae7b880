import { useState, type ReactNode } from 'react';
import { grantText, roleLabel } from '../../components/Grants';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { grantsOf, useAuth, type SessionGrant } from '../../lib/auth';
import { MutationForm, type MutationFormProps } from '../../publisher/MutationForm';
import { Link } from '../../router';

const grantKey = (g: SessionGrant) => `${g.region ?? ''}|${g.organization ?? ''}`;

function readStored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The grant a workspace of the role acts for, and, where the person holds several grants of the role, a select
 * to choose another (the first by default).
 */
export function useRoleGrant(role: string): { grant: SessionGrant | null; choice: ReactNode } {
  const { t } = useI18n();
  const { session } = useAuth();
  // Kept in the tab: the page remounts on every path, and the choice holds across a workspace's tabs.
  const storageKey = `openaid.acting.${role}`;
  const [chosen, setChosen] = useState(() => readStored(storageKey));
  const grants = grantsOf(session, role);
  const found = grants.findIndex((g) => grantKey(g) === chosen);
  const index = found < 0 ? 0 : found;
  const choose = (i: number) => {
    const key = grantKey(grants[i]);
    setChosen(key);
    try {
      sessionStorage.setItem(storageKey, key);
    } catch {
      // Storage may be unavailable; the choice lasts while the page shows.
    }
  };
  const id = `acting-as-${role.toLowerCase()}`;
  const choice =
    grants.length > 1 ? (
      <p className="acting-as" data-testid="acting-as">
        <label htmlFor={id}>{t('signin.actingAs')}</label>{' '}
        <select id={id} value={index} onChange={(e) => choose(Number(e.target.value))}>
          {grants.map((g, i) => (
            <option key={i} value={i}>
              {grantText(t, g)}
            </option>
          ))}
        </select>
      </p>
    ) : null;
  return { grant: grants[index] ?? null, choice };
}

/** Renders a workspace for a session holding the role, acting for the region and organisation of one of its grants of it. */
export function RoleGate({ role, title, children }: { role: string; title: MessageKey; children: (region: string | null, organization: string | null) => ReactNode }) {
  const { t, tf } = useI18n();
  const { grant, choice } = useRoleGrant(role);
  if (!grant) {
    return (
      <>
        <h1>{t(title)}</h1>
        <p data-testid="workspace-signed-out">{tf('reviewer.needsRole', { role: roleLabel(t, role) })}</p>
      </>
    );
  }
  return (
    <div data-testid={`workspace-${role.toLowerCase()}`}>
      {choice}
      {children(grant.region, grant.organization)}
    </div>
  );
}

/** A folded form for one record's action (revoke, end, remove, decline): the summary names it. */
export function Folded({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="folded-action">
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/** An action on one record that takes a public reason (revoke, decline, end), folded until asked for. */
export function ReasonAction(props: {
  id: string;
  title: MessageKey;
  reason: MessageKey;
  maxLength?: number;
  mutation: MutationFormProps<never>['mutation'];
  field: string;
  fixed: Record<string, unknown>;
  submit: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <Folded label={t(props.title)}>
      <MutationForm
        id={props.id}
        title={props.title}
        spec={[{ name: 'reason', label: props.reason, kind: 'textarea', required: true, maxLength: props.maxLength ?? 1000 }]}
        mutation={props.mutation}
        field={props.field}
        fixed={props.fixed}
        submit={props.submit}
      />
    </Folded>
  );
}

/** A workspace's tabs: each one the address of the workspace plus its own path ('' for the first). */
export function WorkspaceTabs({ base, tabs, current, label }: { base: string; tabs: [string, MessageKey][]; current: string; label: MessageKey }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t(label)} className="tabs">
      <ul>
        {tabs.map(([to, name]) => (
          <li key={to}>
            <Link to={base + to} current={current === to}>
              {t(name)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
