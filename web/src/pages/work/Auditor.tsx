import { useState } from 'react';
import { gql } from 'urql';
import { AuditCheck } from '../../components/AuditCheck';
import { Query } from '../../components/Query';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { dayOf } from '../../lib/format';
import { RoleGate } from './common';
import { ContactButton } from './Reviewer';

// The Auditor's workspace: the complainants' contacts (each read recorded) with the access log of every read, the
// descriptions reviewers hid with their public reason, and the audit trail's verification.

interface AuditedObjection {
  code: string;
  status: string;
  category: string;
  filedAt: string;
  description: string | null;
  descriptionHiddenReason: string | null;
  descriptionHiddenAt: string | null;
  descriptionHiddenBy: string | null;
  region: { name: string };
  notice: { code: string } | null;
}

const AuditorObjections = gql<{ objections: { totalCount: number; nodes: AuditedObjection[] } }>`
  query AuditorObjections {
    objections(first: 20) {
      totalCount
      nodes {
        code
        status
        category
        filedAt
        description
        descriptionHiddenReason
        descriptionHiddenAt
        descriptionHiddenBy
        region { name }
        notice { code }
      }
    }
  }
`;

interface ContactReadRow {
  sequence: number;
  at: string;
  objectionCode: string;
  actorRole: string;
  actorSubject: string;
  actorOrganizationCode: string | null;
}

const ContactReads = gql<{ contactReads: { totalCount: number; nodes: ContactReadRow[] } }, { objection: string | null }>`
  query AuditorContactReads($objection: String) {
    contactReads(objection: $objection, first: 50) {
      totalCount
      nodes { sequence at objectionCode actorRole actorSubject actorOrganizationCode }
    }
  }
`;

export function AuditorWorkspace() {
  const { t } = useI18n();
  return (
    <RoleGate role="Auditor" title="auditor.title">
      {() => (
        <>
          <h1>{t('auditor.title')}</h1>
          <p className="lead">{t('auditor.intro')}</p>
          <section aria-labelledby="auditor-objections" data-testid="auditor-objections">
            <h2 id="auditor-objections">{t('auditor.objections')}</h2>
            <Query query={AuditorObjections} refetchOn={['Objection']}>
              {({ objections }) => (
                <ul className="record-list">
                  {objections.nodes.map((o) => (
                    <AuditedObjectionItem key={o.code} objection={o} />
                  ))}
                </ul>
              )}
            </Query>
          </section>
          <section aria-labelledby="auditor-reads" data-testid="auditor-reads">
            <h2 id="auditor-reads">{t('auditor.reads')}</h2>
            <ReadLog objection={null} />
          </section>
          <section aria-labelledby="auditor-verify">
            <h2 id="auditor-verify">{t('auditor.verify')}</h2>
            <AuditCheck />
          </section>
        </>
      )}
    </RoleGate>
  );
}

function AuditedObjectionItem({ objection: o }: { objection: AuditedObjection }) {
  const { t, tf, te } = useI18n();
  const [log, setLog] = useState(false);
  return (
    <li data-code={o.code}>
      <h3>
        <span className="code">{o.code}</span> {te('ObjectionCategory', o.category)}
      </h3>
      <div className="meta">
        <span className="badge">{te('ObjectionStatus', o.status)}</span>
        <span>{tf('reviewer.filedOn', { day: o.filedAt })}</span>
        {o.notice ? <Link to={`/notices/${encodeURIComponent(o.notice.code)}`}>{o.notice.code}</Link> : <span>{o.region.name}</span>}
      </div>
      {o.descriptionHiddenReason !== null ? (
        <p className="muted" data-testid="hidden-description">
          {/* Days only, like the filing day: a time could single out who acted. */}
          {tf('auditor.hidden', { day: o.descriptionHiddenAt ? dayOf(o.descriptionHiddenAt) : '—', by: o.descriptionHiddenBy ?? '—', reason: o.descriptionHiddenReason })}
        </p>
      ) : (
        <p>{o.description}</p>
      )}
      <ContactButton code={o.code} />
      <p>
        <button type="button" aria-expanded={log} onClick={() => setLog(!log)}>
          {t('auditor.showLog')}
        </button>
      </p>
      {log && <ReadLog objection={o.code} />}
    </li>
  );
}

function ReadLog({ objection }: { objection: string | null }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Query query={ContactReads} variables={{ objection }} refetchOn={['ContactRead']}>
      {({ contactReads }) =>
        contactReads.nodes.length === 0 ? (
          <p className="muted">{t('auditor.noReads')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="contact-reads">
              <thead>
                <tr>
                  <th scope="col">{t('auditor.readAt')}</th>
                  <th scope="col">{t('auditor.readObjection')}</th>
                  <th scope="col">{t('auditor.readRole')}</th>
                  <th scope="col">{t('auditor.readBy')}</th>
                </tr>
              </thead>
              <tbody>
                {contactReads.nodes.map((r) => (
                  <tr key={r.sequence}>
                    <td>{formatDateTime(r.at)}</td>
                    <td className="code">{r.objectionCode}</td>
                    <td>{t(`auditor.role.${r.actorRole}` as 'auditor.role.Auditor') ?? r.actorRole}</td>
                    <td>
                      {r.actorSubject}
                      {r.actorOrganizationCode ? ` · ${r.actorOrganizationCode}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Query>
  );
}
