import { gql } from 'urql';
import { useI18n } from '../i18n';
import { formatYuan } from '../lib/format';
import { Link } from '../router';
import { Table } from './Table';

export const TransactionFields = gql`
  fragment TransactionFields on Transaction {
    code
    kind
    date
    fiscalYear
    description
    amount { yuan }
    fund { code name }
    project { code name }
    providerRegion { shortCode name }
    receiverRegion { shortCode name }
  }
`;

export interface TransactionRow {
  code: string;
  kind: string;
  date: string;
  fiscalYear: number;
  description: string;
  amount: { yuan: string };
  fund: { code: string; name: string } | null;
  project: { code: string; name: string } | null;
  providerRegion: { shortCode: string; name: string } | null;
  receiverRegion: { shortCode: string; name: string };
}

/** Money that moved: kind, date, amount, from and to. Kinds are labelled, never added up together. */
export function TransactionTable({ transactions, show }: { transactions: TransactionRow[]; show: 'fund' | 'project' }) {
  const { t, te } = useI18n();
  if (transactions.length === 0) return <p>{t('transactions.none')}</p>;
  return (
    <Table head={[t('field.date'), t('field.kind'), t('field.amount'), show === 'fund' ? t('transactions.fund') : t('transactions.project'), t('transactions.flow'), t('field.description')]} testId="transactions">
      {transactions.map((x) => (
        <tr key={x.code}>
          <td>{x.date}</td>
          <td>{te('TransactionKind', x.kind)}</td>
          <td className="number">{formatYuan(x.amount.yuan)}</td>
          <td>
            {show === 'fund'
              ? x.fund && <Link to={`/funds/${encodeURIComponent(x.fund.code)}`}>{x.fund.name}</Link>
              : x.project && <Link to={`/projects/${encodeURIComponent(x.project.code)}`}>{x.project.name}</Link>}
          </td>
          <td>
            {x.providerRegion ? <Link to={`/villages/${x.providerRegion.shortCode}`}>{x.providerRegion.name}</Link> : '—'} →{' '}
            <Link to={`/villages/${x.receiverRegion.shortCode}`}>{x.receiverRegion.name}</Link>
          </td>
          <td>{x.description}</td>
        </tr>
      ))}
    </Table>
  );
}
