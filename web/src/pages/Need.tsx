import { useState, type FormEvent } from 'react';
import { gql, useMutation, useQuery } from 'urql';
import { ErrorBox } from '../components/ErrorBox';
import { ErrorList, useErrorText } from '../components/Errors';
import { formatAmount, NeedListFields, NeedProgress, PledgeListFields, PledgeTable, type NeedListItem, type PledgeListItem } from '../components/NeedList';
import { useI18n } from '../i18n';
import type { ApiErrorLike } from '../i18n/errors';
import { grantsOf, useAuth } from '../lib/auth';
import { useHasField } from '../lib/schema';
import { Link } from '../router';
import { Pending } from './Pending';

interface NeedDetail extends NeedListItem {
  description: string;
  reviewerName: string | null;
  registeredBy: { code: string; name: string };
  remaining: { quantity: number; unit: string; money: { yuan: string } | null };
  pledges: PledgeListItem[];
}

const NeedPageQuery = gql<{ need: NeedDetail | null }, { code: string }>`
  query NeedPage($code: String!) {
    need(code: $code) {
      ...NeedListFields
      description
      reviewerName
      registeredBy { code name }
      remaining { quantity unit money { yuan } }
      pledges { ...PledgeListFields }
    }
  }
  ${NeedListFields}
  ${PledgeListFields}
`;

interface PledgeResult {
  pledge: { pledge: { code: string; status: string; confirmBy: string } | null; errors: ApiErrorLike[] };
}

const PledgeMutation = gql<PledgeResult, { input: Record<string, string | number | null> }>`
  mutation PledgeToNeed($input: PledgeInput!) {
    pledge(input: $input) {
      pledge { code status confirmBy }
      errors { code message field params { name value } }
    }
  }
`;

const openStatuses = ['OPEN', 'PARTLY_PLEDGED'];

/** The pledge kind that matches a need: money (purchases for 消费扶贫), otherwise goods, services or jobs. */
export function pledgeKindFor(need: Pick<NeedListItem, 'category' | 'requested'>): string {
  if (need.category === 'PRODUCT_PURCHASE') return 'PURCHASES';
  if (need.requested.money) return 'MONEY';
  if (need.category === 'JOBS') return 'JOBS';
  if (need.category === 'SKILLS_TRAINING') return 'SERVICES';
  return 'GOODS';
}

/** "123.45" yuan as fen, or null when it is not a positive amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}

export function NeedPage({ code }: { code: string }) {
  const hasNeed = useHasField('Query', 'need');
  if (hasNeed === false) return <Pending title="nav.needs" />;
  if (hasNeed === undefined) return null;
  return <NeedRecord code={code} />;
}

function NeedRecord({ code }: { code: string }) {
  const { t, tf, te } = useI18n();
  const { describeAll } = useErrorText();
  const { session } = useAuth();
  const [result, reexecute] = useQuery({ query: NeedPageQuery, variables: { code } });
  // Kept here, not in the form: a pledge that fills the need closes the form, and its code and date still show.
  const [pledged, setPledged] = useState<{ code: string; confirmBy: string } | null>(null);

  if (result.fetching && !result.data) {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('query.loading')}
      </p>
    );
  }
  if (result.error && !result.data) {
    return (
      <ErrorBox
        title={t('query.error')}
        messages={describeAll(result.error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  const need = result.data?.need;
  if (!need) return <h1>{t('need.notFound')}</h1>;
  const canPledge = !!session?.roles.includes('Donor') && openStatuses.includes(need.status) && need.remaining.quantity > 0;
  return (
    <article data-testid="need-page" data-code={need.code}>
      <p className="muted">
        <Link to="/needs">{t('nav.needs')}</Link>
      </p>
      <h1>{need.title}</h1>
      <div className="meta">
        <span className="code">{need.code}</span>
        <span className="badge">{te('NeedCategory', need.category)}</span>
        <span className="badge" data-testid="need-status">
          {te('NeedStatus', need.status)}
        </span>
        <Link to={`/villages/${need.region.shortCode}`}>{need.region.name}</Link>
        <span>
          {t('needs.deadline')} {need.deadline}
        </span>
      </div>
      <p>{need.description}</p>
      <p className="muted">
        {t('need.registeredBy')} <Link to={`/organizations/${encodeURIComponent(need.registeredBy.code)}`}>{need.registeredBy.name}</Link>
        {need.reviewerName && (
          <>
            {' · '}
            {t('need.reviewer')} {need.reviewerName}
          </>
        )}
      </p>
      <NeedProgress need={need} />
      <p data-testid="need-remaining">
        {t('need.remaining')} {formatAmount(need.remaining)}
      </p>
      {pledged && (
        <p className="success" role="status" data-testid="pledge-made">
          {t('pledge.made')} <span className="code">{pledged.code}</span> · {tf('donor.confirmBy', { day: pledged.confirmBy })}
        </p>
      )}
      {canPledge ? (
        <PledgeForm
          key={need.code}
          need={need}
          onPledged={(made) => {
            setPledged(made);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        openStatuses.includes(need.status) && !session?.roles.includes('Donor') && <p className="hint">{t('pledge.signInHint')}</p>
      )}
      <h2>{t('need.pledges')}</h2>
      <PledgeTable pledges={need.pledges} />
      <ErrorList title={t('query.error')} error={result.error} />
    </article>
  );
}

function PledgeForm({ need, onPledged }: { need: NeedDetail; onPledged: (made: { code: string; confirmBy: string }) => void }) {
  const { t, tf } = useI18n();
  const { session } = useAuth();
  // The donor pledges for the organisation of their (first) Donor grant.
  const organization = grantsOf(session, 'Donor')[0]?.organization ?? null;
  const [result, pledge] = useMutation(PledgeMutation);
  const isMoney = need.remaining.money !== null;
  const [amount, setAmount] = useState(isMoney ? (need.remaining.money?.yuan ?? '') : String(need.remaining.quantity));
  const [invalid, setInvalid] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const quantity = isMoney ? yuanToFen(amount) : /^\s*\d+\s*$/.test(amount) && Number(amount) > 0 ? Number(amount) : null;
    setInvalid(quantity === null);
    if (quantity === null) return;
    const outcome = await pledge({
      input: {
        need: need.code,
        kind: pledgeKindFor(need),
        quantity,
        unit: isMoney ? null : need.requested.unit,
        organization,
      },
    });
    const made = outcome.data?.pledge.pledge;
    if (made) onPledged(made);
  };

  const payloadErrors = result.data?.pledge.errors ?? [];
  return (
    <form className="objection-form pledge-form" onSubmit={submit} data-testid="pledge-form">
      <h2>{t('pledge.title')}</h2>
      <p>{tf('pledge.intro', { org: organization ?? '—' })}</p>
      <ErrorList title={t('pledge.failed')} error={result.error} />
      {invalid && <ErrorBox title={t('pledge.refused')} messages={[t('pledge.invalidAmount')]} />}
      <ErrorList title={t('pledge.refused')} errors={payloadErrors} />
      <div className="field">
        <label htmlFor="pledge-amount">{isMoney ? t('pledge.amountYuan') : tf('pledge.amountUnit', { unit: need.requested.unit })}</label>
        <input id="pledge-amount" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        <p className="hint">{tf('pledge.remainingHint', { remaining: formatAmount(need.remaining) })}</p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          {result.fetching ? t('pledge.sending') : t('pledge.submit')}
        </button>
      </div>
    </form>
  );
}
