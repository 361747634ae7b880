import type { MessageKey } from '../i18n/zh';

/** A grant as the page words it; the same shape for the signed-in session and the people of the sign-in picker. */
export interface WordedGrant {
  role: string;
  regionName: string | null;
  organizationName: string | null;
}

const roles = ['Publisher', 'Reviewer', 'Donor', 'Auditor', 'Admin'];

/** A role ('Publisher' …) in the page's language; a role the app does not know yet keeps its name. */
export function roleLabel(t: (key: MessageKey) => string, role: string): string {
  return roles.includes(role) ? t(`signin.role.${role}` as MessageKey) : role;
}

/** "发布方 · 田东县 · 田东县扶贫开发办公室": the role, its region (nationwide without one) and organisation, if any. */
export function grantText(t: (key: MessageKey) => string, grant: WordedGrant): string {
  return [roleLabel(t, grant.role), grant.regionName ?? t('signin.nationwide'), grant.organizationName].filter(Boolean).join(' · ');
}
