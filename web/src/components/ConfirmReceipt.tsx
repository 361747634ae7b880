import { gql } from 'urql';
import { useI18n } from '../i18n';
import { useAction } from '../lib/action';
import { FormErrors, type PayloadError } from './FormErrors';
import { formatAmount } from './NeedList';
import { Query } from './Query';

// The village side of a pledge (Publisher of the village's region): confirm the agreement of a new pledge, and
// confirm that a recorded delivery arrived, which is what turns a promise into a delivery.

interface Amount {
  quantity: number;
  unit: string;
  money: { yuan: string } | null;
}

interface VillagePledge {
  code: string;
  status: string;
  confirmBy: string;
  organization: { name: string };
  need: { code: string; title: string } | null;
  region: { name: string };
  quantity: Amount;
  deliveries: { id: string; deliveredOn: string; evidence: string; isReceived: boolean; quantity: Amount }[];
}

const VillagePledges = gql<{ pledges: { nodes: VillagePledge[] } }, { region: string | null }>`
  query ConfirmReceiptPledges($region: String) {
    pledges(region: $region, first: 100) {
      nodes {
        code
        status
        confirmBy
        organization { name }
        need { code title }
        region { name }
        quantity { quantity unit money { yuan } }
        deliveries { id deliveredOn evidence isReceived quantity { quantity unit money { yuan } } }
      }
    }
  }
`;

type Payload<Name extends string> = { [K in Name]: { errors: PayloadError[] } };

const ConfirmPledge = gql<Payload<'confirmPledge'>, { input: { pledge: string } }>`
  mutation ConfirmReceiptConfirmPledge($input: ConfirmPledgeInput!) {
    confirmPledge(input: $input) {
      pledge { code status }
      errors { code message field }
    }
  }
`;

const ConfirmDelivery = gql<Payload<'confirmReceipt'>, { input: { delivery: string } }>`
  mutation ConfirmReceiptConfirmDelivery($input: ConfirmReceiptInput!) {
    confirmReceipt(input: $input) {
      delivery { id isReceived }
      errors { code message field }
    }
  }
`;

/** Pledges awaiting the village's agreement and deliveries awaiting its receipt, in a region. */
export function ConfirmReceipt({ region }: { region: string | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="confirm-receipt" data-testid="confirm-receipt">
      <h2 id="confirm-receipt">{t('donor.village.title')}</h2>
      <Query query={VillagePledges} variables={{ region }} refetchOn={['Pledge', 'PledgeDelivery']}>
        {({ pledges }) => {
          const toAgree = pledges.nodes.filter((p) => p.status === 'PLEDGED');
          const toReceive = pledges.nodes.flatMap((p) => p.deliveries.filter((d) => !d.isReceived).map((d) => ({ pledge: p, delivery: d })));
          return (
            <>
              <h3>{t('donor.village.agreements')}</h3>
              {toAgree.length === 0 ? (
                <p className="muted">{t('donor.village.none')}</p>
              ) : (
                <ul className="record-list">
                  {toAgree.map((p) => (
                    <PledgeToAgree key={p.code} pledge={p} />
                  ))}
                </ul>
              )}
              <h3>{t('donor.village.deliveries')}</h3>
              {toReceive.length === 0 ? (
                <p className="muted">{t('donor.village.none')}</p>
              ) : (
                <ul className="record-list">
                  {toReceive.map(({ pledge, delivery }) => (
                    <DeliveryToReceive key={delivery.id} pledge={pledge} delivery={delivery} />
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

function PledgeToAgree({ pledge: p }: { pledge: VillagePledge }) {
  const { t, tf } = useI18n();
  const { run, errors, fetching } = useAction(ConfirmPledge, 'confirmPledge');
  return (
    <li data-code={p.code} data-testid="pledge-to-agree">
      <p>
        <span className="code">{p.code}</span> {p.organization.name} · {p.need?.title ?? p.region.name} · {formatAmount(p.quantity)} ·{' '}
        {tf('donor.confirmBy', { day: p.confirmBy })}
      </p>
      <FormErrors title={t('donor.refused')} errors={errors} />
      <button type="button" className="primary" disabled={fetching} onClick={() => void run({ pledge: p.code })}>
        {tf('donor.village.agree', { code: p.code })}
      </button>
    </li>
  );
}

function DeliveryToReceive({ pledge, delivery }: { pledge: VillagePledge; delivery: VillagePledge['deliveries'][number] }) {
  const { t, tf } = useI18n();
  const { run, errors, fetching } = useAction(ConfirmDelivery, 'confirmReceipt');
  return (
    <li data-code={pledge.code} data-testid="delivery-to-receive">
      <p>
        <span className="code">{pledge.code}</span> {pledge.organization.name} · {delivery.deliveredOn} · {formatAmount(delivery.quantity)}
      </p>
      <p className="muted">{delivery.evidence}</p>
      <FormErrors title={t('donor.refused')} errors={errors} />
      <button type="button" className="primary" disabled={fetching} onClick={() => void run({ delivery: delivery.id })}>
        {tf('donor.village.receive', { code: pledge.code })}
      </button>
    </li>
  );
}
