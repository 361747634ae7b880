import { useState, type FormEvent } from 'react';
import { gql } from 'urql';
import { FormErrors, type PayloadError } from '../../components/FormErrors';
import { formCheck } from '../../i18n/errors';
import { formatAmount, NeedList, NeedListFields, type NeedListItem } from '../../components/NeedList';
import { Query } from '../../components/Query';
import { FiguresCards, PledgeFiguresFields, type PledgeFigures } from '../../components/Scorecard';
import { useI18n } from '../../i18n';
import { checkText, useAction } from '../../lib/action';
import { Link } from '../../router';
import { yuanToFen } from '../Need';
import { dayOf, today } from '../../lib/format';
import { RoleGate } from './common';
import { DonorPrograms } from './DonorPrograms';

// The Donor's workspace: suggestions first, then the organisation's pledges with what is left to do on each (the
// village confirms the agreement; the donor records deliveries with evidence, or cancels what is not delivered), the
// public scorecard and the needs and villages helped. Limits are the API's (PledgeDelivery.EvidenceMaxLength,
// Pledge.CancellationReasonMaxLength).

const evidenceMax = 2000;
const reasonMax = 1000;

interface Amount {
  quantity: number;
  unit: string;
  money: { yuan: string } | null;
}

interface MyPledge {
  code: string;
  kind: string;
  status: string;
  confirmBy: string;
  pledgedAt: string;
  cancellationReason: string | null;
  need: { code: string; title: string } | null;
  region: { shortCode: string; name: string };
  quantity: Amount;
  delivered: Amount;
  received: Amount;
  deliveries: { id: string; deliveredOn: string; evidence: string; isReceived: boolean; quantity: Amount }[];
}

const DonorDesk = gql<
  {
    suggestedNeeds: { rank: number; reason: string; reasonCode: string; need: NeedListItem }[];
    pledges: { totalCount: number; nodes: MyPledge[] };
    organizationScorecard: { total: PledgeFigures } | null;
  },
  { organization: string }
>`
  query DonorDesk($organization: String!) {
    suggestedNeeds(organization: $organization, first: 5) {
      rank
      reason
      reasonCode
      need { ...NeedListFields }
    }
    pledges(organization: $organization, first: 100) {
      totalCount
      nodes {
        code
        kind
        status
        confirmBy
        pledgedAt
        cancellationReason
        need { code title }
        region { shortCode name }
        quantity { quantity unit money { yuan } }
        delivered { quantity unit money { yuan } }
        received { quantity unit money { yuan } }
        deliveries { id deliveredOn evidence isReceived quantity { quantity unit money { yuan } } }
      }
    }
    organizationScorecard(organization: $organization) {
      total { ...PledgeFiguresFields }
    }
  }
  ${NeedListFields}
  ${PledgeFiguresFields}
`;

type Payload<Name extends string, Record extends string> = { [K in Name]: { [R in Record]: { status?: string; id?: string } | null } & { errors: PayloadError[] } };

const RecordDelivery = gql<Payload<'recordDelivery', 'delivery'>, { input: { pledge: string; quantity: number; deliveredOn: string; evidence: string } }>`
  mutation DonorRecordDelivery($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      delivery { id }
      errors { code message field params { name value } }
    }
  }
`;

const CancelPledge = gql<Payload<'cancelPledge', 'pledge'>, { input: { pledge: string; reason: string } }>`
  mutation DonorCancelPledge($input: CancelPledgeInput!) {
    cancelPledge(input: $input) {
      pledge { status }
      errors { code message field params { name value } }
    }
  }
`;

/** Pledges the donor can still deliver on or cancel. */
const underWay = ['PLEDGED', 'CONFIRMED', 'DELIVERED', 'RECEIVED'];
const withdrawn = ['CANCELLED', 'LAPSED'];

export function DonorWorkspace() {
  const { t, tf } = useI18n();
  return (
    <RoleGate role="Donor" title="donor.title">
      {(_region, organization) =>
        !organization ? (
          <p>{t('donor.noOrganization')}</p>
        ) : (
          <>
            <h1>{t('donor.title')}</h1>
            <p className="lead">{tf('donor.intro', { org: organization })}</p>
            <Query query={DonorDesk} variables={{ organization }} refetchOn={['Pledge']}>
              {({ suggestedNeeds, pledges, organizationScorecard }) => (
                <>
                  <section aria-labelledby="donor-suggestions" data-testid="donor-suggestions">
                    <h2 id="donor-suggestions">{t('donor.suggestions')}</h2>
                    {suggestedNeeds.length === 0 ? (
                      <p className="muted">{t('donor.suggestionsNone')}</p>
                    ) : (
                      <ol className="record-list">
                        {suggestedNeeds.map((s) => (
                          <li key={s.need.code}>
                            <p className="hint" data-testid="suggestion-reason">
                              {t(`donor.reason.${s.reasonCode}` as 'donor.reason.URGENCY') ?? s.reason}
                            </p>
                            <NeedList needs={[s.need]} />
                          </li>
                        ))}
                      </ol>
                    )}
                  </section>
                  <section aria-labelledby="donor-pledges" data-testid="donor-pledges">
                    <h2 id="donor-pledges">{tf('donor.pledges', { count: pledges.totalCount })}</h2>
                    {pledges.nodes.length === 0 ? (
                      <p className="muted">{t('pledges.none')}</p>
                    ) : (
                      <ul className="record-list">
                        {pledges.nodes.map((p) => (
                          <PledgeItem key={p.code} pledge={p} />
                        ))}
                      </ul>
                    )}
                  </section>
                  <section aria-labelledby="donor-scorecard">
                    <h2 id="donor-scorecard">{t('donor.scorecard')}</h2>
                    {organizationScorecard && <FiguresCards figures={organizationScorecard.total} />}
                    <p>
                      <Link to={`/organizations/${encodeURIComponent(organization)}`}>{t('donor.publicPage')}</Link>
                    </p>
                  </section>
                  <Helped pledges={pledges.nodes} />
                  <DonorPrograms organization={organization} />
                </>
              )}
            </Query>
          </>
        )
      }
    </RoleGate>
  );
}

/** The needs and villages the organisation's live pledges went to. */
function Helped({ pledges }: { pledges: MyPledge[] }) {
  const { t } = useI18n();
  const live = pledges.filter((p) => !withdrawn.includes(p.status));
  const needs = [...new Map(live.flatMap((p) => (p.need ? [[p.need.code, p.need] as const] : []))).values()];
  const villages = [...new Map(live.map((p) => [p.region.shortCode, p.region] as const)).values()];
  return (
    <section aria-labelledby="donor-helped" data-testid="donor-helped">
      <h2 id="donor-helped">{t('donor.helped')}</h2>
      <h3>{t('donor.helpedNeeds')}</h3>
      {needs.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {needs.map((n) => (
            <li key={n.code}>
              <Link to={`/needs/${encodeURIComponent(n.code)}`}>{n.title}</Link> <span className="code">{n.code}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('donor.helpedVillages')}</h3>
      {villages.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {villages.map((v) => (
            <li key={v.shortCode}>
              <Link to={`/villages/${v.shortCode}`}>{v.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PledgeItem({ pledge: p }: { pledge: MyPledge }) {
  const { t, tf, te } = useI18n();
  const open = underWay.includes(p.status) && p.delivered.quantity < p.quantity.quantity;
  return (
    <li data-code={p.code} data-testid="my-pledge">
      <h3>
        <span className="code">{p.code}</span> {p.need ? p.need.title : p.region.name}
      </h3>
      <div className="meta">
        <span className="badge" data-testid="pledge-status">
          {te('PledgeStatus', p.status)}
        </span>
        {/* Code and confirm-by date stay shown whatever the need's state, a fully pledged one included. */}
        {p.need && (
          <Link to={`/needs/${encodeURIComponent(p.need.code)}`}>
            <span className="code">{p.need.code}</span>
          </Link>
        )}
        <Link to={`/villages/${p.region.shortCode}`}>{p.region.name}</Link>
        <span data-testid="pledge-confirm-by">{tf('donor.confirmBy', { day: p.confirmBy })}</span>
      </div>
      <p>
        {tf('donor.amounts', { promised: formatAmount(p.quantity), delivered: formatAmount(p.delivered), received: formatAmount(p.received) })}
      </p>
      {p.status === 'PLEDGED' && <p className="hint">{tf('donor.awaitingAgreement', { day: p.confirmBy })}</p>}
      {p.cancellationReason && (
        <p className="muted">
          {t('donor.cancelledBecause')} {p.cancellationReason}
        </p>
      )}
      {p.deliveries.length > 0 && (
        <ul data-testid="pledge-deliveries">
          {p.deliveries.map((d) => (
            <li key={d.id}>
              {d.deliveredOn} · {formatAmount(d.quantity)} · {d.evidence} · {d.isReceived ? t('donor.received') : t('donor.notReceived')}
            </li>
          ))}
        </ul>
      )}
      {open && p.status !== 'PLEDGED' && <DeliveryForm pledge={p} />}
      {open && <CancelForm pledge={p} />}
    </li>
  );
}

function DeliveryForm({ pledge }: { pledge: MyPledge }) {
  const { t, tf } = useI18n();
  const { run, errors, fetching } = useAction(RecordDelivery, 'recordDelivery');
  const isMoney = pledge.quantity.money !== null;
  const left = pledge.quantity.quantity - pledge.delivered.quantity;
  const [amount, setAmount] = useState(isMoney ? (left / 100).toFixed(2) : String(left));
  const [day, setDay] = useState(today());
  const [evidence, setEvidence] = useState('');
  const id = `delivery-${pledge.code}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const quantity = isMoney ? yuanToFen(amount) : /^\s*\d+\s*$/.test(amount) && Number(amount) > 0 ? Number(amount) : null;
    // As the API: more than zero, not beyond the pledge, dated between the pledge and today, evidence described.
    const problems: PayloadError[] = [
      ...(quantity === null ? [{ code: formCheck, message: t('donor.invalidQuantity'), field: 'quantity' }] : []),
      ...(quantity !== null && quantity > left ? [{ code: formCheck, message: tf('donor.beyondPledge', { left: isMoney ? (left / 100).toFixed(2) : left }), field: 'quantity' }] : []),
      ...(!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > today() || day < dayOf(pledge.pledgedAt) ? [{ code: formCheck, message: t('donor.invalidDay'), field: 'deliveredOn' }] : []),
      ...checkText(evidence, evidenceMax, { required: t('donor.evidenceRequired'), tooLong: t('reviewer.tooLong') }),
    ];
    const done = await run({ pledge: pledge.code, quantity: quantity ?? 0, deliveredOn: day, evidence: evidence.trim() }, problems);
    if (done) setEvidence('');
  };

  return (
    <form onSubmit={submit} className="objection-form" data-testid="delivery-form" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('donor.recordDelivery')}</h4>
      <FormErrors title={t('donor.refused')} errors={errors} />
      <div className="field">
        <label htmlFor={`${id}-amount`}>{isMoney ? t('pledge.amountYuan') : tf('pledge.amountUnit', { unit: pledge.quantity.unit })}</label>
        <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('donor.deliveredOn')}</label>
        <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-evidence`}>{t('donor.evidence')}</label>
        <textarea id={`${id}-evidence`} rows={3} maxLength={evidenceMax} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        <p className="hint">{t('donor.evidenceHint')}</p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={fetching}>
          {t('donor.recordDeliverySubmit')}
        </button>
      </div>
    </form>
  );
}

function CancelForm({ pledge }: { pledge: MyPledge }) {
  const { t } = useI18n();
  const { run, errors, fetching } = useAction(CancelPledge, 'cancelPledge');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const id = `cancel-${pledge.code}`;
  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('donor.cancel')}
        </button>
      </p>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run({ pledge: pledge.code, reason: reason.trim() }, checkText(reason, reasonMax, { required: t('reviewer.required'), tooLong: t('reviewer.tooLong') }));
  };
  return (
    <form onSubmit={submit} className="objection-form" data-testid="cancel-form">
      <FormErrors title={t('donor.refused')} errors={errors} />
      <div className="field field-wide">
        <label htmlFor={`${id}-reason`}>{t('donor.cancelReason')}</label>
        <textarea id={`${id}-reason`} rows={2} maxLength={reasonMax} value={reason} onChange={(e) => setReason(e.target.value)} />
        <p className="hint">{t('donor.cancelHint')}</p>
      </div>
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {t('donor.cancelSubmit')}
        </button>
      </div>
    </form>
  );
}
