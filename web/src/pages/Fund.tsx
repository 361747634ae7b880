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

interface ChainLink {
  date: string;
  amount: { yuan: string };
  from: { code: string; name: string };
  to: { code: string; name: string };
}

interface ChainStep {
  fund: { code: string; name: string; level: string; isIntegratedPool: boolean; region: { name: string } };
  amount: { yuan: string };
  allocations: { amount: { yuan: string }; project: { code: string; name: string } }[];
  transfers?: ChainStep[];
}

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
  ownAmount: { yuan: string };
  received: { yuan: string };
  transferred: { yuan: string };
  undisbursed: { yuan: string };
  idleSince: string | null;
  idleDays: number | null;
  isIntegratedPool: boolean;
  sources: ChainLink[];
  transfers: ChainLink[];
  composition: { sourceType: string; level: string; amount: { yuan: string } }[];
  region: TrailRegion & { ancestors: TrailRegion[] };
  issuer: { code: string; name: string };
  allocations: { decidedOn: string; amount: { yuan: string }; project: { code: string; name: string; region: TrailRegion } }[];
  notices: NoticeListItem[];
}

const ChainLinkFields = gql`
  fragment ChainLinkFields on FundTransfer {
    date
    amount {
      yuan
    }
    from {
      code
      name
    }
    to {
      code
      name
    }
  }
`;

const FundQuery = gql<{ fund: FundDetail | null }, { code: string }>`
  query FundPage($code: String!) {
    fund(code: $code) {
      id
      code
      name
      documentNumber
      sourceType
      level
      fiscalYear
      purpose
      decidedOn
      isDemo
      amount {
        yuan
      }
      allocated {
        yuan
      }
      unallocated {
        yuan
      }
      ownAmount {
        yuan
      }
      received {
        yuan
      }
      transferred {
        yuan
      }
      undisbursed {
        yuan
      }
      idleSince
      idleDays
      isIntegratedPool
      sources {
        ...ChainLinkFields
      }
      transfers {
        ...ChainLinkFields
      }
      composition {
        sourceType
        level
        amount {
          yuan
        }
      }
      region {
        shortCode
        name
        ancestors {
          shortCode
          name
        }
      }
      issuer {
        code
        name
      }
      allocations {
        decidedOn
        amount {
          yuan
        }
        project {
          code
          name
          region {
            shortCode
            name
          }
        }
      }
      notices {
        ...NoticeListFields
      }
    }
  }
  ${NoticeListFields}
  ${ChainLinkFields}
`;

// Four steps: a province's (or city's) fund → city → county block → pool; the API walks five.
const FundChainQuery = gql<{ fundChain: ChainStep | null }, { code: string }>`
  fragment ChainStepFields on FundChainStep {
    fund {
      code
      name
      level
      isIntegratedPool
      region {
        name
      }
    }
    amount {
      yuan
    }
    allocations {
      amount {
        yuan
      }
      project {
        code
        name
      }
    }
  }
  query FundChain($code: String!) {
    fundChain(code: $code) {
      ...ChainStepFields
      transfers {
        ...ChainStepFields
        transfers {
          ...ChainStepFields
          transfers {
            ...ChainStepFields
          }
        }
      }
    }
  }
`;

const FundTransactions = gql<
  { fund: { transactions: { totalCount: number; pageInfo: PageInfo; nodes: TransactionRow[] } } | null },
  { code: string; after: string | null }
>`
  query FundTransactions($code: String!, $after: String) {
    fund(code: $code) {
      transactions(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...TransactionFields
        }
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

/** Transfers into or out of a fund, naming the fund on the other side. */
function LinkTable({ links, side, testId }: { links: ChainLink[]; side: 'from' | 'to'; testId: string }) {
  const { t } = useI18n();
  return (
    <Table head={[t(side === 'from' ? 'fund.from' : 'fund.to'), t('fund.transferDate'), t('field.amount')]} testId={testId}>
      {links.map((l) => (
        <tr key={`${l[side].code}-${l.date}-${l.amount.yuan}`}>
          <td>
            <Link to={`/funds/${encodeURIComponent(l[side].code)}`}>{l[side].name}</Link> <span className="code">{l[side].code}</span>
          </td>
          <td>{l.date}</td>
          <td className="number">{formatYuan(l.amount.yuan)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** One step of the chain: the fund, the money that reached it, its projects, and the steps below it. */
function ChainNode({ step }: { step: ChainStep }) {
  const { t, te } = useI18n();
  return (
    <li data-code={step.fund.code}>
      <Link to={`/funds/${encodeURIComponent(step.fund.code)}`}>{step.fund.name}</Link>{' '}
      <span className="badge">{te('FundLevel', step.fund.level)}</span>{' '}
      {step.fund.isIntegratedPool && <span className="badge">{t('fund.integratedPool')}</span>} {step.fund.region.name}{' '}
      {formatYuan(step.amount.yuan)}
      {(step.allocations.length > 0 || (step.transfers?.length ?? 0) > 0) && (
        <ul>
          {step.allocations.map((a) => (
            <li key={`p-${a.project.code}-${a.amount.yuan}`} data-project={a.project.code}>
              {t('fund.toProject')} <Link to={`/projects/${encodeURIComponent(a.project.code)}`}>{a.project.name}</Link>{' '}
              {formatYuan(a.amount.yuan)}
            </li>
          ))}
          {step.transfers?.map((s, i) => (
            <ChainNode key={`${s.fund.code}-${i}`} step={s} />
          ))}
        </ul>
      )}
    </li>
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
          [t('fund.ownAmount'), formatYuan(fund.ownAmount.yuan)],
          [t('fund.received'), formatYuan(fund.received.yuan)],
          [t('fund.transferred'), formatYuan(fund.transferred.yuan)],
          [t('fund.undisbursed'), formatYuan(fund.undisbursed.yuan)],
          [t('fund.idle'), fund.idleDays === null ? t('fund.notIdle') : `${fund.idleDays} ${t('fund.idleDays')} (${fund.idleSince})`],
        ]}
      />
      {fund.isIntegratedPool && <p className="badge">{t('fund.integratedPool')}</p>}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('fund.sources')}</h2>
        {fund.sources.length === 0 ? <p>{t('fund.noSources')}</p> : <LinkTable links={fund.sources} side="from" testId="fund-sources" />}
        {fund.composition.length > 0 && (
          <Table head={[t('fund.sourceType'), t('fund.level'), t('field.amount')]} testId="fund-composition">
            {fund.composition.map((p) => (
              <tr key={`${p.sourceType}-${p.level}`}>
                <td>{te('FundSourceType', p.sourceType)}</td>
                <td>{te('FundLevel', p.level)}</td>
                <td className="number">{formatYuan(p.amount.yuan)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="transfers-heading">
        <h2 id="transfers-heading">{t('fund.transfersOut')}</h2>
        {fund.transfers.length === 0 ? (
          <p>{t('fund.noTransfers')}</p>
        ) : (
          <LinkTable links={fund.transfers} side="to" testId="fund-transfers" />
        )}
      </section>

      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t('fund.chain')}</h2>
        <Query query={FundChainQuery} variables={{ code: fund.code }}>
          {({ fundChain }) =>
            fundChain && (
              <ul className="fund-chain" data-testid="fund-chain">
                <ChainNode step={fundChain} />
              </ul>
            )
          }
        </Query>
      </section>

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
