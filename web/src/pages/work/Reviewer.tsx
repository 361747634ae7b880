import { useMemo, useState, type FormEvent } from 'react';
import { gql, useQuery } from 'urql';
import { FormErrors, mutationErrors, type PayloadError } from '../../components/FormErrors';
import { formatAmount, NeedListFields, type NeedListItem } from '../../components/NeedList';
import { Query } from '../../components/Query';
import { useI18n } from '../../i18n';
import { checkText, useAction } from '../../lib/action';
import { addDays, dayOf, formatYuan } from '../../lib/format';
import { formCheck } from '../../i18n/errors';
import { parseYuan, useEnums } from '../../publisher/MutationForm';
import { Link } from '../../router';
import { RoleGate } from './common';

// The Reviewer's workspace: the needs waiting for review (with the category's cap) and the objections waiting for an
// answer (with the 60-day deadline), in the reviewer's region. Limits below are the API's (Need.ReasonMaxLength,
// Objection.AnswerMaxLength, Objection.HiddenReasonMaxLength).

const reasonMax = 1000;
const answerMax = 4000;

interface QueuedNeed extends NeedListItem {
  description: string;
  isOverCap: boolean;
  registeredBy: { name: string };
  cap: { maxAmount: { yuan: string }; maxQuantity: number };
}

const ReviewQueue = gql<{ needs: { totalCount: number; nodes: QueuedNeed[] } }, { region: string | null }>`
  query ReviewerNeedQueue($region: String) {
    needs(status: PENDING_REVIEW, region: $region, first: 50) {
      totalCount
      nodes {
        ...NeedListFields
        description
        isOverCap
        registeredBy { name }
        cap { maxAmount { yuan } maxQuantity }
      }
    }
  }
  ${NeedListFields}
`;

type Result<Name extends string, Record extends string> = {
  [K in Name]: { [R in Record]: { code: string; status: string } | null } & { errors: PayloadError[] };
};

const ReviewNeed = gql<
  Result<'reviewNeed', 'need'>,
  { input: { need: string; decision: string; reason: string | null; capOverrideReason: string | null } }
>`
  mutation ReviewerReviewNeed($input: ReviewNeedInput!) {
    reviewNeed(input: $input) {
      need { code status }
      errors { code message field params { name value } }
    }
  }
`;

export function ReviewerWorkspace() {
  const { t } = useI18n();
  return (
    <RoleGate role="Reviewer" title="reviewer.title">
      {(region) => (
        <>
          <h1>{t('reviewer.title')}</h1>
          <p className="lead">{t('reviewer.intro')}</p>
          <NeedQueue region={region} />
          <ObjectionQueue region={region} />
        </>
      )}
    </RoleGate>
  );
}

function NeedQueue({ region }: { region: string | null }) {
  const { t, tf } = useI18n();
  return (
    <section aria-labelledby="review-needs" data-testid="review-queue">
      <h2 id="review-needs">{t('reviewer.needs')}</h2>
      <Query query={ReviewQueue} variables={{ region }} refetchOn={['Need']}>
        {({ needs }) =>
          needs.nodes.length === 0 ? (
            <p className="muted">{t('reviewer.needsNone')}</p>
          ) : (
            <>
              <p className="muted">{tf('reviewer.needsCount', { count: needs.totalCount })}</p>
              <ul className="record-list">
                {needs.nodes.map((need) => (
                  <QueuedNeedItem key={need.code} need={need} />
                ))}
              </ul>
            </>
          )
        }
      </Query>
    </section>
  );
}

function QueuedNeedItem({ need }: { need: QueuedNeed }) {
  const { t, tf, te } = useI18n();
  const { run, errors, fetching } = useAction(ReviewNeed, 'reviewNeed');
  const [decision, setDecision] = useState<'APPROVE' | 'REJECT'>('APPROVE');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const id = `review-${need.code}`;
  const cap = need.requested.money
    ? formatYuan(need.cap.maxAmount.yuan)
    : `${need.cap.maxQuantity.toLocaleString()} ${need.requested.unit}`;
  const wording = { required: t('reviewer.required'), tooLong: t('reviewer.tooLong') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // As the API: a rejection needs a reason, an approval over the cap an override reason, and neither takes the other.
    const problems =
      decision === 'REJECT' ? checkText(reason, reasonMax, wording) : need.isOverCap ? checkText(override, reasonMax, wording) : [];
    await run(
      {
        need: need.code,
        decision,
        reason: decision === 'REJECT' ? reason.trim() : null,
        capOverrideReason: decision === 'APPROVE' && need.isOverCap ? override.trim() : null,
      },
      problems,
    );
  };

  return (
    <li data-code={need.code} data-testid="queued-need">
      <h3>
        <span className="code">{need.code}</span> {need.title}
      </h3>
      <div className="meta">
        <span className="badge">{te('NeedCategory', need.category)}</span>
        <span className="badge">{te('NeedPriority', need.priority)}</span>
        <Link to={`/villages/${need.region.shortCode}`}>{need.region.name}</Link>
        <span>
          {t('needs.deadline')} {need.deadline}
        </span>
        <span>
          {t('need.registeredBy')} {need.registeredBy.name}
        </span>
      </div>
      <p>{need.description}</p>
      <p data-testid="need-cap">
        {tf('reviewer.requestedCap', { requested: formatAmount(need.requested), cap })}{' '}
        {need.isOverCap && <strong className="badge badge-late">{t('reviewer.overCap')}</strong>}
      </p>
      <form onSubmit={submit} className="objection-form" aria-labelledby={`${id}-legend`}>
        <FormErrors title={t('reviewer.refused')} errors={errors} />
        <fieldset>
          <legend id={`${id}-legend`}>{tf('reviewer.decideOn', { code: need.code })}</legend>
          <label>
            <input type="radio" name={`${id}-decision`} checked={decision === 'APPROVE'} onChange={() => setDecision('APPROVE')} />{' '}
            {t('reviewer.approve')}
          </label>{' '}
          <label>
            <input type="radio" name={`${id}-decision`} checked={decision === 'REJECT'} onChange={() => setDecision('REJECT')} />{' '}
            {t('reviewer.reject')}
          </label>
        </fieldset>
        {decision === 'APPROVE' && need.isOverCap && (
          <div className="field field-wide">
            <label htmlFor={`${id}-override`}>{t('reviewer.overrideReason')}</label>
            <textarea id={`${id}-override`} rows={3} maxLength={reasonMax} value={override} onChange={(e) => setOverride(e.target.value)} />
            <p className="hint">{t('reviewer.overrideHint')}</p>
          </div>
        )}
        {decision === 'REJECT' && (
          <div className="field field-wide">
            <label htmlFor={`${id}-reason`}>{t('reviewer.rejectReason')}</label>
            <textarea id={`${id}-reason`} rows={3} maxLength={reasonMax} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={fetching}>
            {decision === 'APPROVE' ? t('reviewer.approveSubmit') : t('reviewer.rejectSubmit')}
          </button>
        </div>
      </form>
    </li>
  );
}

interface QueuedObjection {
  code: string;
  category: string;
  status: string;
  description: string | null;
  descriptionHiddenReason: string | null;
  descriptionHiddenAt: string | null;
  filedAt: string;
  isOverdue: boolean;
  investigationStartedAt: string | null;
  notice: { code: string; title: string } | null;
  region: { name: string };
}

export const QueuedObjectionFields = gql`
  fragment QueuedObjectionFields on Objection {
    code
    category
    status
    description
    descriptionHiddenReason
    descriptionHiddenAt
    filedAt
    isOverdue
    investigationStartedAt
    notice { code title }
    region { name }
  }
`;

const ObjectionQueueQuery = gql<
  {
    objectionStats: { deadlineDays: number; overdue: number };
    received: { nodes: QueuedObjection[] };
    investigating: { nodes: QueuedObjection[] };
  },
  { region: string | null }
>`
  query ReviewerObjectionQueue($region: String) {
    objectionStats(region: $region) { deadlineDays overdue }
    received: objections(region: $region, status: RECEIVED, first: 50) { nodes { ...QueuedObjectionFields } }
    investigating: objections(region: $region, status: INVESTIGATING, first: 50) { nodes { ...QueuedObjectionFields } }
  }
  ${QueuedObjectionFields}
`;

const StartInvestigation = gql<Result<'startInvestigation', 'objection'>, { input: { objection: string } }>`
  mutation ReviewerStartInvestigation($input: StartInvestigationInput!) {
    startInvestigation(input: $input) {
      objection { code status }
      errors { code message field params { name value } }
    }
  }
`;

interface AnswerInput {
  objection: string;
  answer: string;
  finding: string | null;
  moneyRecoveredFen: number | null;
  measures: string[];
  correctingNotice: string | null;
}

const AnswerObjection = gql<Result<'answerObjection', 'objection'>, { input: AnswerInput }>`
  mutation ReviewerAnswerObjection($input: AnswerObjectionInput!) {
    answerObjection(input: $input) {
      objection { code status }
      errors { code message field params { name value } }
    }
  }
`;

const RejectObjection = gql<Result<'rejectObjection', 'objection'>, { input: { objection: string; reason: string } }>`
  mutation ReviewerRejectObjection($input: RejectObjectionInput!) {
    rejectObjection(input: $input) {
      objection { code status }
      errors { code message field params { name value } }
    }
  }
`;

const HideDescription = gql<Result<'hideObjectionDescription', 'objection'>, { input: { objection: string; reason: string } }>`
  mutation ReviewerHideObjectionDescription($input: HideObjectionDescriptionInput!) {
    hideObjectionDescription(input: $input) {
      objection { code status }
      errors { code message field params { name value } }
    }
  }
`;

function ObjectionQueue({ region }: { region: string | null }) {
  const { t, tf } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="review-objections" data-testid="objection-queue">
      <h2 id="review-objections">{t('reviewer.objections')}</h2>
      {done && (
        <p className="success" role="status" data-testid="objection-done">
          {done}
        </p>
      )}
      <Query query={ObjectionQueueQuery} variables={{ region }} refetchOn={['Objection']}>
        {({ objectionStats, received, investigating }) => {
          const open = [...received.nodes, ...investigating.nodes];
          return (
            <>
              <p className="muted">
                {tf('reviewer.objectionsCount', { count: open.length, overdue: objectionStats.overdue, days: objectionStats.deadlineDays })}
              </p>
              {open.length === 0 ? (
                <p className="muted">{t('reviewer.objectionsNone')}</p>
              ) : (
                <ul className="record-list">
                  {open.map((o) => (
                    // Keyed by status too: a new state offers other actions, with the first one chosen.
                    <QueuedObjectionItem
                      key={`${o.code}-${o.status}`}
                      objection={o}
                      deadlineDays={objectionStats.deadlineDays}
                      onDone={setDone}
                    />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Query>
    </section>
  );
}

function QueuedObjectionItem({
  objection: o,
  deadlineDays,
  onDone,
}: {
  objection: QueuedObjection;
  deadlineDays: number;
  onDone: (text: string) => void;
}) {
  const { t, tf, te } = useI18n();
  const start = useAction(StartInvestigation, 'startInvestigation');
  const answer = useAction(AnswerObjection, 'answerObjection');
  const reject = useAction(RejectObjection, 'rejectObjection');
  const hide = useAction(HideDescription, 'hideObjectionDescription');
  const [text, setText] = useState('');
  // What the answer found and changed (answers only): the API refuses an outcome without an upheld finding.
  const [finding, setFinding] = useState('');
  const [money, setMoney] = useState('');
  const [measures, setMeasures] = useState<string[]>([]);
  const [correctingNotice, setCorrectingNotice] = useState('');
  const enums = useEnums('ObjectionFinding', 'ObjectionMeasure');
  const [action, setAction] = useState<'answer' | 'reject' | 'hide'>(o.status === 'INVESTIGATING' ? 'answer' : 'reject');
  const id = `objection-${o.code}`;
  const wording = { required: t('reviewer.required'), tooLong: t('reviewer.tooLong') };
  const current = action === 'answer' ? answer : action === 'reject' ? reject : hide;
  // Memoised: the summary takes the focus when the errors change, not on every keystroke.
  const errors = useMemo(() => [...start.errors, ...current.errors], [start.errors, current.errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkText(text, action === 'answer' ? answerMax : reasonMax, wording);
    const moneyFen = money.trim() === '' ? null : parseYuan(money);
    if (action === 'answer' && moneyFen === null && money.trim() !== '')
      problems.push({ code: formCheck, message: t('reviewer.moneyInvalid'), field: 'moneyRecoveredFen' });
    const outcome = { finding: finding || null, moneyRecoveredFen: moneyFen, measures, correctingNotice: correctingNotice.trim() || null };
    const done =
      action === 'answer'
        ? await answer.run({ objection: o.code, answer: text.trim(), ...outcome }, problems)
        : action === 'reject'
          ? await reject.run({ objection: o.code, reason: text.trim() }, problems)
          : await hide.run({ objection: o.code, reason: text.trim() }, problems);
    if (done) {
      setText('');
      onDone(
        tf(action === 'answer' ? 'reviewer.answered' : action === 'reject' ? 'reviewer.rejected' : 'reviewer.hidden', { code: o.code }),
      );
    }
  };

  const actions: ('answer' | 'reject' | 'hide')[] = [
    ...(o.status === 'INVESTIGATING' ? (['answer'] as const) : []),
    'reject',
    ...(o.description !== null ? (['hide'] as const) : []),
  ];
  return (
    <li data-code={o.code} data-testid="queued-objection">
      <h3>
        <span className="code">{o.code}</span> {te('ObjectionCategory', o.category)}
      </h3>
      <div className="meta">
        <span className="badge">{te('ObjectionStatus', o.status)}</span>
        {o.isOverdue && (
          <strong className="badge badge-late" data-testid="overdue">
            {t('reviewer.overdue')}
          </strong>
        )}
        <span>{tf('reviewer.filedOn', { day: o.filedAt })}</span>
        <span>{tf('reviewer.deadline', { day: addDays(o.filedAt, deadlineDays) })}</span>
        {o.investigationStartedAt && <span>{tf('reviewer.investigatingSince', { day: dayOf(o.investigationStartedAt) })}</span>}
        {o.notice ? <Link to={`/notices/${encodeURIComponent(o.notice.code)}`}>{o.notice.title}</Link> : <span>{o.region.name}</span>}
      </div>
      {o.description === null ? (
        <p className="muted">
          {t('objections.hidden')} {o.descriptionHiddenReason}
        </p>
      ) : (
        <p>{o.description}</p>
      )}
      {o.status === 'INVESTIGATING' && <ContactButton code={o.code} />}
      <form onSubmit={submit} className="objection-form">
        <FormErrors title={t('reviewer.refused')} errors={errors} />
        {o.status === 'RECEIVED' && (
          <p>
            <button type="button" disabled={start.fetching} onClick={() => void start.run({ objection: o.code })}>
              {t('reviewer.startInvestigation')}
            </button>
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('reviewer.action')}</label>
          <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
            {actions.map((a) => (
              <option key={a} value={a}>
                {t(`reviewer.action.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-text`}>{t(`reviewer.text.${action}`)}</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            maxLength={action === 'answer' ? answerMax : reasonMax}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="hint">{t('reviewer.publicHint')}</p>
        </div>
        {action === 'answer' && (
          <fieldset className="field-wide" data-testid="answer-outcome">
            <legend>{t('reviewer.outcome')}</legend>
            <div className="field">
              <label htmlFor={`${id}-finding`}>{t('objectionPage.finding')}</label>
              <select id={`${id}-finding`} value={finding} onChange={(e) => setFinding(e.target.value)}>
                <option value="">{t('objectionPage.noFinding')}</option>
                {(enums.ObjectionFinding ?? []).map((f) => (
                  <option key={f} value={f}>
                    {te('ObjectionFinding', f)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-money`}>{t('reviewer.moneyRecovered')}</label>
              <input id={`${id}-money`} inputMode="decimal" value={money} onChange={(e) => setMoney(e.target.value)} />
            </div>
            <div className="field">
              <span>{t('objectionPage.measures')}</span>
              {(enums.ObjectionMeasure ?? []).map((m) => (
                <label key={m} className="check">
                  <input
                    type="checkbox"
                    name={`${id}-measures`}
                    value={m}
                    checked={measures.includes(m)}
                    onChange={(e) => setMeasures(e.target.checked ? [...measures, m] : measures.filter((x) => x !== m))}
                  />{' '}
                  {te('ObjectionMeasure', m)}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`${id}-correcting`}>{t('objectionPage.correctingNotice')}</label>
              <input
                id={`${id}-correcting`}
                maxLength={32}
                value={correctingNotice}
                onChange={(e) => setCorrectingNotice(e.target.value)}
              />
              <p className="hint">{t('reviewer.outcomeHint')}</p>
            </div>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={current.fetching}>
            {t(`reviewer.submit.${action}`)}
          </button>
        </div>
      </form>
    </li>
  );
}

export const ObjectionContactQuery = gql<
  { objection: { code: string; contact: { name: string | null; phone: string | null } | null } | null },
  { code: string }
>`
  query ObjectionContact($code: String!) {
    objection(code: $code) {
      code
      contact { name phone }
    }
  }
`;

/** The complainant's contact, read only on request: every read is recorded for the Auditors (contactReads). */
export function ContactButton({ code }: { code: string }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  return asked ? (
    <ContactRead code={code} />
  ) : (
    <p>
      <button type="button" onClick={() => setAsked(true)}>
        {t('reviewer.readContact')}
      </button>{' '}
      <span className="hint">{t('reviewer.readContactHint')}</span>
    </p>
  );
}

function ContactRead({ code }: { code: string }) {
  const { t } = useI18n();
  // Each read is recorded; signed in, the request passes no cache (see lib/auth).
  const [result] = useQuery({ query: ObjectionContactQuery, variables: { code }, requestPolicy: 'network-only' });
  if (result.fetching) return <p role="status">{t('query.loading')}</p>;
  if (result.error) return <FormErrors title={t('reviewer.contactRefused')} errors={mutationErrors(undefined, result.error)} />;
  const contact = result.data?.objection?.contact;
  return (
    <p data-testid="objection-contact">
      <strong>{t('reviewer.contact')}</strong>{' '}
      {contact ? [contact.name, contact.phone].filter(Boolean).join(' · ') || '—' : t('reviewer.noContact')}
    </p>
  );
}
