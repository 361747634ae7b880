import { gql } from 'urql';
import { AuditHistory } from '../components/AuditHistory';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { RegionTrail, type TrailRegion } from '../components/RegionTrail';
import { Facts, Table } from '../components/Table';
import { TransactionFields, TransactionTable, type TransactionRow } from '../components/TransactionTable';
import { useI18n } from '../i18n';
import { formatYuan } from '../lib/format';
import { Link } from '../router';
import { NotFound } from './Notice';

interface FundDetail {
  id: string;
  code: string;
  name: string;
  documentNumber: string;
  sourceType: string;
  level: string;
  fiscalYear: number;
  purpose: string;
  decidedOn: string;
  isDemo: boolean;
  amount: { yuan: string };
  allocated: { yuan: string };
  unallocated: { yuan: string };
  region: TrailRegion & { ancestors: TrailRegion[] };
  issuer: { code: string; name: string };
  allocations: { decidedOn: string; amount: { yuan: string }; project: { code: string; name: string; region: TrailRegion } }[];
  notices: NoticeListItem[];
}

const FundQuery = gql<{ fund: FundDetail | null }, { code: string }>`
  query FundPage($code: String!) {
    fund(code: $code) {
      id code name documentNumber sourceType level fiscalYear purpose decidedOn isDemo
      amount { yuan } allocated { yuan } unallocated { yuan }
      region { shortCode name ancestors { shortCode name } }
      issuer { code name }
      allocations { decidedOn amount { yuan } project { code name region { shortCode name } } }
      notices { ...NoticeListFields }
    }
  }
  ${NoticeListFields}
`;

const FundTransactions = gql<
  { fund: { transactions: { totalCount: number; pageInfo: PageInfo; nodes: TransactionRow[] } } | null },
  { code: string; after: string | null }
>`
  query FundTransactions($code: String!, $after: String) {
    fund(code: $code) {
      transactions(first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...TransactionFields }
      }
    }
  }
  ${TransactionFields}
`;

/** A fund and where it went: its allocations to projects and the money that moved (the fund chain). */
export function FundPage({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Query query={FundQuery} variables={{ code }}>
      {({ fund }) => (fund ? <FundView fund={fund} /> : <NotFound what={t('fund.notFound')} code={code} />)}
    </Query>
  );
}

function FundView({ fund }: { fund: FundDetail }) {
  const { t, te } = useI18n();
  return (
    <article data-testid="fund-page" data-code={fund.code}>
      <p className="kicker">
        <span className="badge">{te('FundSourceType', fund.sourceType)}</span> <span className="badge">{te('FundLevel', fund.level)}</span>{' '}
        {fund.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
      </p>
      <h1>{fund.name}</h1>
      <p>{fund.purpose}</p>
      <Facts
        items={[
          [t('field.code'), <span className="code">{fund.code}</span>],
          [t('fund.documentNumber'), fund.documentNumber],
          [t('field.region'), <RegionTrail region={fund.region} ancestors={fund.region.ancestors} />],
          [t('fund.issuer'), <Link to={`/organizations/${encodeURIComponent(fund.issuer.code)}`}>{fund.issuer.name}</Link>],
          [t('field.fiscalYear'), fund.fiscalYear],
          [t('notice.decidedOn'), fund.decidedOn],
          [t('field.amount'), formatYuan(fund.amount.yuan)],
          [t('fund.allocated'), formatYuan(fund.allocated.yuan)],
          [t('fund.unallocated'), formatYuan(fund.unallocated.yuan)],
        ]}
      />

      <section aria-labelledby="allocations-heading">
        <h2 id="allocations-heading">{t('fund.allocations')}</h2>
        {fund.allocations.length === 0 ? (
          <p>{t('fund.noAllocations')}</p>
        ) : (
          <Table head={[t('transactions.project'), t('field.region'), t('notice.decidedOn'), t('field.amount')]} testId="fund-allocations">
            {fund.allocations.map((a) => (
              <tr key={`${a.project.code}-${a.decidedOn}`}>
                <td>
                  <Link to={`/projects/${encodeURIComponent(a.project.code)}`}>{a.project.name}</Link>
                </td>
                <td>
                  <Link to={`/villages/${a.project.region.shortCode}`}>{a.project.region.name}</Link>
                </td>
                <td>{a.decidedOn}</td>
                <td className="number">{formatYuan(a.amount.yuan)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="fund-transactions-heading">
        <h2 id="fund-transactions-heading">{t('fund.transactions')}</h2>
        <PagedQuery query={FundTransactions} variables={{ code: fund.code }} param="transactions">
          {({ fund: f }, pager) =>
            f && (
              <>
                <TransactionTable transactions={f.transactions.nodes} show="project" />
                {pager(f.transactions.pageInfo, f.transactions.totalCount)}
              </>
            )
          }
        </PagedQuery>
      </section>

      <section aria-labelledby="fund-notices-heading">
        <h2 id="fund-notices-heading">{t('fund.notices')}</h2>
        <NoticeList notices={fund.notices} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        <AuditHistory id={fund.id} />
      </section>
    </article>
  );
}
