import { useState } from 'react';
import { gql } from 'urql';
import { Query } from '../../components/Query';
import { useI18n } from '../../i18n';
import { grantsOf, useAuth } from '../../lib/auth';
import { MutationForm } from '../../publisher/MutationForm';
import { useLocation } from '../../router';
import { ReasonAction } from './common';

// Redaction under the Personal Information Protection Law (依法删除), with two people: an Admin requests that one
// recorded value be erased, with a public reason and legal basis; an Auditor who did not request it performs or
// declines it. Every redaction is public. Limits are the API's (AuditRedaction).

interface Redaction {
  code: string;
  status: string;
  sequence: number;
  entityType: string;
  entityKey: string;
  field: string;
  reason: string;
  legalBasis: string;
  requestedAt: string;
  requestedByRole: string;
  decidedAt: string | null;
  decidedByRole: string | null;
  declineReason: string | null;
}

const RedactionList = gql<{ auditRedactions: { nodes: Redaction[] } }>`
  query AuditRedactions {
    auditRedactions(first: 100) {
      nodes { code status sequence entityType entityKey field reason legalBasis requestedAt requestedByRole decidedAt decidedByRole declineReason }
    }
  }
`;

const RecordEntries = gql<{ history: { sequence: number; operation: string; after: string }[] }, { id: string }>`
  query RedactionRecordEntries($id: ID!) {
    history(id: $id) { sequence operation after }
  }
`;

const RequestRedaction = gql<{ requestAuditRedaction: { errors: []; redaction: { code: string } | null } }, { input: Record<string, unknown> }>`
  mutation RequestAuditRedaction($input: RequestAuditRedactionInput!) {
    requestAuditRedaction(input: $input) { redaction { code status decidedAt declineReason } errors { code message field params { name value } } }
  }
`;

const RedactField = gql<{ redactAuditField: { errors: [] } }, { input: Record<string, unknown> }>`
  mutation RedactAuditField($input: RedactAuditFieldInput!) {
    redactAuditField(input: $input) { redaction { code status decidedAt declineReason } errors { code message field params { name value } } }
  }
`;

const DeclineRedaction = gql<{ declineAuditRedaction: { errors: [] } }, { input: Record<string, unknown> }>`
  mutation DeclineAuditRedaction($input: DeclineAuditRedactionInput!) {
    declineAuditRedaction(input: $input) { redaction { code status decidedAt declineReason } errors { code message field params { name value } } }
  }
`;

const legalBasis = '《中华人民共和国个人信息保护法》第四十七条';

export function RedactionsPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const isAdmin = grantsOf(session, 'Admin').length > 0;
  const isAuditor = grantsOf(session, 'Auditor').length > 0;
  return (
    <section data-testid="redactions-page">
      <h1>{t('redactions.title')}</h1>
      <p className="lead">{t('redactions.intro')}</p>
      {!isAdmin && !isAuditor ? (
        <p data-testid="workspace-signed-out">{t('redactions.needsRole')}</p>
      ) : (
        <>
          {isAdmin && <RequestForm />}
          <RedactionQueue auditor={isAuditor} />
        </>
      )}
    </section>
  );
}

/** The Admin's request; from a record's history (?record=<id>&sequence=<n>) the entry's text fields can be picked. */
function RequestForm() {
  const { t, tf } = useI18n();
  const { query } = useLocation();
  const record = query.get('record');
  const [picked, setPicked] = useState({ sequence: query.get('sequence') ?? '', field: '' });
  return (
    <section aria-labelledby="redaction-request">
      <h2 id="redaction-request">{t('redactions.request')}</h2>
      {record && picked.sequence && (
        <Query query={RecordEntries} variables={{ id: record }}>
          {({ history }) => {
            const entry = history.find((e) => String(e.sequence) === picked.sequence);
            const values = entry ? textValues(entry.after) : [];
            return values.length === 0 ? (
              <p className="muted">{t('redactions.noTextFields')}</p>
            ) : (
              <fieldset className="field-wide" data-testid="redaction-entry-fields">
                <legend>{tf('redactions.entryFields', { sequence: picked.sequence })}</legend>
                <ul>
                  {values.map(([name, value]) => (
                    <li key={name}>
                      <button type="button" aria-pressed={picked.field === `after.${name}`} onClick={() => setPicked({ ...picked, field: `after.${name}` })}>
                        <code>after.{name}</code>
                      </button>{' '}
                      {value}
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          }}
        </Query>
      )}
      <MutationForm<{ errors: []; redaction: { code: string } | null }>
        // Picking a field starts the form anew with it.
        key={`${picked.sequence}|${picked.field}`}
        id="request-redaction"
        title="redactions.requestForm"
        spec={[
          { name: 'sequence', label: 'redactions.sequence', kind: 'int', required: true, min: 1, hint: 'redactions.sequenceHint' },
          { name: 'field', label: 'redactions.field', kind: 'text', required: true, maxLength: 120, hint: 'redactions.fieldHint' },
          { name: 'reason', label: 'redactions.reason', kind: 'textarea', required: true, maxLength: 1000, hint: 'redactions.reasonHint' },
          { name: 'legalBasis', label: 'redactions.legalBasis', kind: 'text', required: true, maxLength: 500 },
        ]}
        initial={{ sequence: picked.sequence, field: picked.field, legalBasis }}
        mutation={RequestRedaction}
        field="requestAuditRedaction"
        submit="redactions.requestSubmit"
        onDone={(p) => p.redaction && tf('redactions.requested', { code: p.redaction.code })}
      />
    </section>
  );
}

/** The text values of an entry's after-state (canonical JSON): what a redaction may erase. */
function textValues(after: string): [string, string][] {
  try {
    const values = JSON.parse(after) as Record<string, unknown>;
    return Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0);
  } catch {
    return [];
  }
}

function RedactionQueue({ auditor }: { auditor: boolean }) {
  const { t, tf, te, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="redaction-list">
      <h2 id="redaction-list">{t('redactions.list')}</h2>
      <Query query={RedactionList} refetchOn={['AuditRedaction']}>
        {({ auditRedactions }) =>
          auditRedactions.nodes.length === 0 ? (
            <p className="muted">{t('redactions.none')}</p>
          ) : (
            <ul className="record-list" data-testid="redactions">
              {auditRedactions.nodes.map((r) => (
                <li key={r.code} data-code={r.code} data-status={r.status}>
                  <h3>
                    <span className="code">{r.code}</span> <span className="badge">{te('AuditRedactionStatus', r.status)}</span>
                  </h3>
                  <div className="meta">
                    <span>{tf('redactions.where', { sequence: r.sequence, field: r.field, type: r.entityType, key: r.entityKey })}</span>
                    <span>{tf('redactions.requestedAt', { at: formatDateTime(r.requestedAt) })}</span>
                    {r.decidedAt && <span>{tf('redactions.decidedAt', { at: formatDateTime(r.decidedAt) })}</span>}
                  </div>
                  <p>{tf('redactions.because', { reason: r.reason, basis: r.legalBasis })}</p>
                  {r.declineReason && <p className="muted">{tf('redactions.declinedBecause', { reason: r.declineReason })}</p>}
                  {auditor && r.status === 'REQUESTED' && (
                    <div className="decision">
                      <MutationForm
                        id={`redact-${r.code}`}
                        title="redactions.perform"
                        spec={[]}
                        mutation={RedactField}
                        field="redactAuditField"
                        fixed={{ redaction: r.code }}
                        confirm="redactions.confirm"
                        submit="redactions.performSubmit"
                      />
                      <ReasonAction
                        id={`decline-${r.code}`}
                        title="redactions.decline"
                        reason="redactions.declineReason"
                        mutation={DeclineRedaction}
                        field="declineAuditRedaction"
                        fixed={{ redaction: r.code }}
                        submit="redactions.declineSubmit"
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}
