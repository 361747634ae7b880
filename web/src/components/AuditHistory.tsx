import { gql } from 'urql';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { roleLabel } from '../i18n/errors';
import type { MessageKey } from '../i18n/zh';
import { grantsOf, useAuth } from '../lib/auth';
import { redactionsPath } from '../pages/work/paths';
import { href, Link } from '../router';
import { Query } from './Query';
import { Table } from './Table';

interface Entry {
  sequence: number;
  at: string;
  actorSubject: string;
  actorRole: string;
  actorOrganizationCode: string | null;
  operation: string;
  before: string | null;
  after: string;
  /** Only the redacted fields are asked for: their values are gone, and the redaction's code says why. */
  fields: { name: string; redaction: string | null }[];
}

const History = gql<{ history: Entry[] }, { id: string }>`
  query RecordHistory($id: ID!) {
    history(id: $id) {
      sequence
      at
      actorSubject
      actorRole
      actorOrganizationCode
      operation
      before
      after
      fields {
        name
        redaction
      }
    }
  }
`;

type Value = { text: string | null } | { redaction: string };

/**
 * The fields whose value a write changed, from the audit entry's before and after (canonical JSON objects); a value
 * erased under the law appears as its redaction.
 */
function changedFields(entry: Entry): [string, Value, Value][] {
  const parse = (json: string | null): Record<string, string | null> => {
    try {
      return json ? (JSON.parse(json) as Record<string, string | null>) : {};
    } catch {
      return {};
    }
  };
  const before = parse(entry.before);
  const after = parse(entry.after);
  const redacted = new Map(entry.fields.filter((f) => f.redaction).map((f) => [f.name, f.redaction as string]));
  const value = (section: 'before' | 'after', values: Record<string, string | null>, key: string): Value => {
    const redaction = redacted.get(`${section}.${key}`);
    return redaction ? { redaction } : { text: values[key] ?? null };
  };
  const keys = new Set([...Object.keys(after), ...[...redacted.keys()].filter((k) => k.startsWith('after.')).map((k) => k.slice(6))]);
  return [...keys]
    .map((key): [string, Value, Value] => [key, value('before', before, key), value('after', after, key)])
    .filter(([, b, a]) => entry.before !== null && JSON.stringify(b) !== JSON.stringify(a));
}

/**
 * Who wrote: the role in the page's language (roleLabel, shared with the errors that name roles), the organisation
 * linked to its page, and which automatic process for the system's writers (system:demo, system:schedule…).
 */
function useWriter() {
  const { t, lang } = useI18n();
  return (entry: Entry): ReactNode => {
    if (entry.actorRole === 'System') {
      const key = `history.system.${entry.actorSubject.replace(/^system:/, '')}` as MessageKey;
      return t(key) ?? t('history.role.System');
    }
    const role = roleLabel(entry.actorRole, lang);
    const organization = entry.actorOrganizationCode;
    return organization ? (
      <>
        {role} · <Link to={`/organizations/${encodeURIComponent(organization)}`}>{organization}</Link>
      </>
    ) : (
      role
    );
  };
}

/** Every recorded write to a record (history(id:)): who, when, and what changed. */
export function AuditHistory({ id }: { id: string }) {
  const { t, tf, formatDateTime } = useI18n();
  const writer = useWriter();
  // An Admin may ask for a value of an entry to be erased under the law (the Redactions page, two people).
  const { session } = useAuth();
  const admin = grantsOf(session, 'Admin').length > 0;
  const show = (value: Value) => ('redaction' in value ? tf('history.redacted', { code: value.redaction }) : (value.text ?? '—'));
  return (
    <Query query={History} variables={{ id }}>
      {({ history }) =>
        history.length === 0 ? (
          <p className="muted" data-testid="history-empty">
            {t('history.none')}
          </p>
        ) : (
          <Table head={[t('history.sequence'), t('history.at'), t('history.who'), t('history.what')]} testId="history">
            {history.map((entry) => {
              const changes = changedFields(entry);
              return (
                <tr key={entry.sequence}>
                  <td className="number">{entry.sequence}</td>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{writer(entry)}</td>
                  <td>
                    {entry.operation === 'create' ? (
                      t('history.created')
                    ) : entry.operation === 'publish' ? (
                      t('history.published')
                    ) : changes.length === 0 ? (
                      t('history.updated')
                    ) : (
                      <ul className="changes">
                        {changes.map(([field, before, after]) => (
                          <li key={field}>
                            <code>{field}</code>: {show(before)} → {show(after)}
                          </li>
                        ))}
                      </ul>
                    )}
                    {entry.operation === 'redact' && <p className="muted">{t('history.redactedOp')}</p>}
                    {admin && (
                      <p>
                        <Link to={href(redactionsPath, { record: id, sequence: String(entry.sequence) })}>{t('history.requestRedaction')}</Link>
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        )
      }
    </Query>
  );
}
