import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { useAuth } from '../../lib/auth';

/** The day of an ISO timestamp in Beijing time, the records' own time zone: objections keep days, never times. */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** yyyy-MM-dd plus some days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in Beijing, as the API dates deliveries. */
export function today(): string {
  return dayOf(new Date().toISOString());
}

/** Renders a workspace for a session holding the role (with its region scope), else says who may use it. */
export function RoleGate({ role, title, children }: { role: string; title: MessageKey; children: (region: string | null) => ReactNode }) {
  const { t, tf } = useI18n();
  const { session } = useAuth();
  if (!session?.roles.includes(role)) {
    return (
      <>
        <h1>{t(title)}</h1>
        <p data-testid="workspace-signed-out">{tf('reviewer.needsRole', { role })}</p>
      </>
    );
  }
  return <div data-testid={`workspace-${role.toLowerCase()}`}>{children(session.region)}</div>;
}
