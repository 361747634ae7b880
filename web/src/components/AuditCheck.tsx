import { useEffect, useState } from 'react';
import { gql, useQuery } from 'urql';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { ErrorBox } from './ErrorBox';

interface Verification {
  valid: boolean;
  entriesChecked: number;
  checkpointsChecked: number;
  recordsChecked: number;
  verifiedAt: string;
  lastCheckpoint: { sequence: number; at: string; keyId: string } | null;
  problem: { code: string; sequence: number | null; entityType: string | null; entityKey: string | null; field: string | null } | null;
}

const Verify = gql<{ verifyAuditChain: Verification }>`
  query VerifyAuditChain {
    verifyAuditChain {
      valid
      entriesChecked
      checkpointsChecked
      recordsChecked
      verifiedAt
      lastCheckpoint {
        sequence
        at
        keyId
      }
      problem {
        code
        sequence
        entityType
        entityKey
        field
      }
    }
  }
`;

/** The problem codes of FORMAT.md, each worded in the page's language; an unknown code is shown as it is. */
function problemText(t: (key: MessageKey) => string, code: string): string {
  const key = `audit.problem.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

function VerificationResult({ result }: { result: Verification }) {
  const { t, tf, formatDateTime } = useI18n();
  const counts = `${tf('audit.counts', { entries: result.entriesChecked, checkpoints: result.checkpointsChecked, records: result.recordsChecked })} ${tf('audit.verifiedAt', { at: formatDateTime(result.verifiedAt) })}`;
  if (result.valid) {
    return (
      <div className="verdict ok" role="status" data-testid="audit-valid">
        <p>
          <strong>{t('audit.valid')}</strong> {counts}
        </p>
        {result.lastCheckpoint && (
          <p className="muted">
            {tf('audit.lastCheckpoint', {
              sequence: result.lastCheckpoint.sequence,
              at: formatDateTime(result.lastCheckpoint.at),
              key: result.lastCheckpoint.keyId,
            })}
          </p>
        )}
      </div>
    );
  }

  const problem = result.problem;
  const place = problem?.entityType
    ? tf('audit.placeRecord', { type: problem.entityType, key: problem.entityKey ?? '', field: problem.field ?? '—' })
    : tf('audit.placeEntry', { sequence: problem?.sequence ?? '—' });
  return (
    <div className="verdict broken" role="alert" data-testid="audit-invalid">
      <p>
        <strong>{t('audit.invalid')}</strong> {place}
      </p>
      {problem && (
        <p>
          <code>{problem.code}</code> {problemText(t, problem.code)}
        </p>
      )}
      <p className="muted">{counts}</p>
    </div>
  );
}

/** How often to ask again while the server's run goes on past a request's time budget (it answers TIMEOUT meanwhile). */
const retryAfterMilliseconds = 2000;

/** Asks for the verification, and asks again while the server is still running it. */
function Verification() {
  const { t } = useI18n();
  const [result, reexecute] = useQuery({ query: Verify, requestPolicy: 'network-only' });
  const stillRunning = result.error?.graphQLErrors.some((e) => e.extensions?.code === 'TIMEOUT') ?? false;
  useEffect(() => {
    if (!stillRunning) return undefined;
    const timer = window.setTimeout(() => reexecute({ requestPolicy: 'network-only' }), retryAfterMilliseconds);
    return () => window.clearTimeout(timer);
  }, [stillRunning, result, reexecute]);

  if (result.data) return <VerificationResult result={result.data.verifyAuditChain} />;
  if (result.error && !stillRunning) {
    return (
      <ErrorBox
        title={t('query.error')}
        messages={result.error.graphQLErrors.length > 0 ? result.error.graphQLErrors.map((e) => e.message) : [result.error.message]}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  return (
    <p className="loading" role="status" data-testid="audit-running">
      <span className="spinner" aria-hidden="true" />
      {t(stillRunning ? 'audit.stillRunning' : 'query.loading')}
    </p>
  );
}

/** Anyone can have the server recompute the whole trail, and learn how to check it without trusting the server. */
export function AuditCheck() {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  return (
    <>
      <p>{t('audit.intro')}</p>
      {asked ? (
        <Verification />
      ) : (
        <p>
          <button type="button" onClick={() => setAsked(true)}>
            {t('audit.verify')}
          </button>
        </p>
      )}
      <p>{t('audit.offline')}</p>
      <pre className="sample">{`./run.sh verify ${window.location.origin}
./run.sh verify dump.zip --against dump-earlier.zip
node web/tools/verify-audit.mjs dump.zip`}</pre>
      <ul>
        <li>
          <a href="/export/audit-key">/export/audit-key</a> — {t('audit.keyLink')}
        </li>
        <li>
          <a href="/export/checkpoints.ndjson" download>
            /export/checkpoints.ndjson
          </a>{' '}
          — {t('audit.checkpointsLink')}
        </li>
        <li>
          <a href="/export/audit.ndjson" download>
            /export/audit.ndjson
          </a>{' '}
          — {t('audit.entriesLink')}
        </li>
      </ul>
    </>
  );
}
