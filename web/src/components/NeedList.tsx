import { gql } from 'urql';
import { useI18n } from '../i18n';
import { formatYuan } from '../lib/format';
import { Link } from '../router';
import { Table } from './Table';

// Needs (需求对接) and pledges, rendered only when the API has them (see useHasField).

export const NeedListFields = gql`
  fragment NeedListFields on Need {
    code
    title
    category
    status
    priority
    deadline
    region { shortCode name }
    requested { quantity unit money { yuan } }
    pledged { quantity unit money { yuan } }
    received { quantity unit money { yuan } }
  }
`;

interface Amount {
  quantity: number;
  unit: string;
  money: { yuan: string } | null;
}

export interface NeedListItem {
  code: string;
  title: string;
  category: string;
  status: string;
  priority: string;
  deadline: string;
  region: { shortCode: string; name: string };
  requested: Amount;
  pledged: Amount;
  received: Amount;
}

export function formatAmount(amount: Amount): string {
  return amount.money ? formatYuan(amount.money.yuan) : `${amount.quantity.toLocaleString()} ${amount.unit}`;
}

function percent(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.min(100, Math.round((part / whole) * 1000) / 10);
}

/** What is pledged and what arrived, as bars against what the need asks. */
export function NeedProgress({ need }: { need: NeedListItem }) {
  const { tf } = useI18n();
  const pledged = percent(need.pledged.quantity, need.requested.quantity);
  const received = percent(need.received.quantity, need.requested.quantity);
  return (
    <div className="need-progress">
      <div className="bar-label">
        {tf('needs.pledgedOf', { pledged: formatAmount(need.pledged), requested: formatAmount(need.requested), percent: pledged })}
      </div>
      <progress max={100} value={pledged} aria-label={tf('needs.pledgedPercent', { percent: pledged })} data-testid="need-pledged" data-pledged={need.pledged.quantity} />
      <div className="bar-label">{tf('needs.receivedOf', { received: formatAmount(need.received), percent: received })}</div>
      <progress className="received" max={100} value={received} aria-label={tf('needs.receivedPercent', { percent: received })} />
    </div>
  );
}

export function NeedList({ needs }: { needs: NeedListItem[] }) {
  const { t, te } = useI18n();
  if (needs.length === 0) return <p data-testid="need-list-empty">{t('needs.none')}</p>;
  return (
    <ul className="record-list" data-testid="need-list">
      {needs.map((n) => (
        <li key={n.code} data-code={n.code}>
          <strong>
            <Link to={`/needs/${encodeURIComponent(n.code)}`}>{n.title}</Link>
          </strong>
          <div className="meta">
            <span className="badge">{te('NeedCategory', n.category)}</span>
            <span className="badge">{te('NeedStatus', n.status)}</span>
            {(n.priority === 'URGENT' || n.priority === 'HIGH') && <span className="badge badge-late">{te('NeedPriority', n.priority)}</span>}
            <Link to={`/villages/${n.region.shortCode}`}>{n.region.name}</Link>
            <span>
              {t('needs.deadline')} {n.deadline}
            </span>
            <span className="code">{n.code}</span>
          </div>
          <NeedProgress need={n} />
        </li>
      ))}
    </ul>
  );
}

export const PledgeListFields = gql`
  fragment PledgeListFields on Pledge {
    code
    kind
    status
    pledgedAt
    organization { code name }
    need { code title }
    quantity { quantity unit money { yuan } }
    delivered { quantity unit money { yuan } }
    received { quantity unit money { yuan } }
  }
`;

export interface PledgeListItem {
  code: string;
  kind: string;
  status: string;
  pledgedAt: string;
  organization: { code: string; name: string };
  need: { code: string; title: string } | null;
  quantity: Amount;
  delivered: Amount;
  received: Amount;
}

/** Everything promised and everything that arrived. */
export function PledgeTable({ pledges }: { pledges: PledgeListItem[] }) {
  const { t, te } = useI18n();
  if (pledges.length === 0) return <p>{t('pledges.none')}</p>;
  return (
    <Table
      head={[t('pledges.donor'), t('pledges.for'), t('field.kind'), t('field.status'), t('pledges.promised'), t('pledges.delivered'), t('pledges.received')]}
      testId="pledges"
    >
      {pledges.map((p) => (
        <tr key={p.code}>
          <td>
            <Link to={`/organizations/${encodeURIComponent(p.organization.code)}`}>{p.organization.name}</Link>
          </td>
          <td>{p.need?.title ?? '—'}</td>
          <td>{te('PledgeKind', p.kind)}</td>
          <td>{te('PledgeStatus', p.status)}</td>
          <td className="number">{formatAmount(p.quantity)}</td>
          <td className="number">{formatAmount(p.delivered)}</td>
          <td className="number">{formatAmount(p.received)}</td>
        </tr>
      ))}
    </Table>
  );
}
