import { gql } from 'urql';
import { useI18n } from '../i18n';
import { Query } from './Query';
import { Table } from './Table';

interface Entry {
  sequence: number;
  at: string;
  actorRole: string;
  actorOrganizationCode: string | null;
  operation: string;
  before: string | null;
  after: string;
}

const History = gql<{ history: Entry[] }, { id: string }>`
  query RecordHistory($id: ID!) {
    history(id: $id) {
      sequence
      at
      actorRole
      actorOrganizationCode
      operation
      before
      after
    }
  }
`;

/** The fields whose value a write changed, from the audit entry's before and after (canonical JSON objects). */
function changedFields(entry: Entry): [string, string | null, string | null][] {
  const parse = (json: string | null): Record<string, string | null> => {
    try {
      return json ? (JSON.parse(json) as Record<string, string | null>) : {};
    } catch {
      return {};
    }
  };
  const before = parse(entry.before);
  const after = parse(entry.after);
  return Object.keys(after)
    .filter((key) => entry.before !== null && before[key] !== after[key])
    .map((key) => [key, before[key] ?? null, after[key] ?? null]);
}

/** Every recorded write to a record (history(id:)): who, when, and what changed. */
export function AuditHistory({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
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
                  <td>
                    {entry.actorRole}
                    {entry.actorOrganizationCode ? ` · ${entry.actorOrganizationCode}` : ''}
                  </td>
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
                            <code>{field}</code>: {before ?? '—'} → {after ?? '—'}
                          </li>
                        ))}
                      </ul>
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
