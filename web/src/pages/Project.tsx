import { gql } from 'urql';
import { AuditHistory } from '../components/AuditHistory';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { RegionTrail, type TrailRegion } from '../components/RegionTrail';
import { Facts, Table } from '../components/Table';
import { TransactionFields, TransactionTable, type TransactionRow } from '../components/TransactionTable';
import { useI18n } from '../i18n';
import { formatCount, formatYuan } from '../lib/format';
import { Link } from '../router';
import { NotFound } from './Notice';
import { OverdueBadge } from './Projects';
import { ProjectAssetsSection } from './Assets';

interface ProjectDetail {
  id: string;
  code: string;
  name: string;
  category: string;
  status: string;
  description: string;
  responsibleRole: string;
  fiscalYear: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  budget: { yuan: string };
  cancellationReason: string | null;
  beneficiaryHouseholds: number;
  beneficiaryPeople: number;
  isDemo: boolean;
  isOverdue: boolean;
  region: TrailRegion & { ancestors: TrailRegion[] };
  implementingOrganization: { code: string; name: string };
  targets: { indicator: string; unit: string; baseline: number; target: number; actual: number | null }[];
  allocations: {
    decidedOn: string;
    amount: { yuan: string };
    fund: { code: string; name: string; sourceType: string; sources: { amount: { yuan: string }; from: { code: string; name: string } }[] };
  }[];
  notices: NoticeListItem[];
}

const ProjectQuery = gql<{ project: ProjectDetail | null }, { code: string }>`
  query ProjectPage($code: String!) {
    project(code: $code) {
      id
      code
      name
      category
      status
      description
      responsibleRole
      fiscalYear
      plannedStart
      plannedEnd
      actualStart
      actualEnd
      budget {
        yuan
      }
      cancellationReason
      beneficiaryHouseholds
      beneficiaryPeople
      isDemo
      isOverdue
      region {
        shortCode
        name
        ancestors {
          shortCode
          name
        }
      }
      implementingOrganization {
        code
        name
      }
      targets {
        indicator
        unit
        baseline
        target
        actual
      }
      allocations {
        decidedOn
        amount {
          yuan
        }
        fund {
          code
          name
          sourceType
          sources {
            amount {
              yuan
            }
            from {
              code
              name
            }
          }
        }
      }
      notices {
        ...NoticeListFields
      }
    }
  }
  ${NoticeListFields}
`;

const ProjectTransactions = gql<
  { project: { transactions: { totalCount: number; pageInfo: PageInfo; nodes: TransactionRow[] } } | null },
  { code: string; after: string | null }
>`
  query ProjectTransactions($code: String!, $after: String) {
    project(code: $code) {
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

export function ProjectPage({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Query query={ProjectQuery} variables={{ code }}>
      {({ project }) => (project ? <ProjectView project={project} /> : <NotFound what={t('project.notFound')} code={code} />)}
    </Query>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t, te, lang } = useI18n();
  return (
    <article data-testid="project-page" data-code={project.code}>
      <p className="kicker">
        <span className="badge">{te('ProjectCategory', project.category)}</span>{' '}
        <span className="badge">{te('ProjectStatus', project.status)}</span> {project.isOverdue && <OverdueBadge />}{' '}
        {project.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
      </p>
      <h1>{project.name}</h1>
      <p>{project.description}</p>
      <Facts
        items={[
          [t('field.code'), <span className="code">{project.code}</span>],
          [t('field.region'), <RegionTrail region={project.region} ancestors={project.region.ancestors} />],
          [
            t('project.implementer'),
            <Link to={`/organizations/${encodeURIComponent(project.implementingOrganization.code)}`}>
              {project.implementingOrganization.name}
            </Link>,
          ],
          [t('project.responsible'), project.responsibleRole],
          [t('field.fiscalYear'), project.fiscalYear],
          [t('field.budget'), formatYuan(project.budget.yuan)],
          [t('project.planned'), `${project.plannedStart} – ${project.plannedEnd}`],
          [t('project.actual'), project.actualStart ? `${project.actualStart} – ${project.actualEnd ?? ''}` : null],
          [
            t('project.beneficiaries'),
            `${formatCount(project.beneficiaryHouseholds, lang)} ${t('project.households')} · ${formatCount(project.beneficiaryPeople, lang)} ${t('project.people')}`,
          ],
          ...(project.cancellationReason ? [[t('project.cancellationReason'), project.cancellationReason] as [string, string]] : []),
        ]}
      />

      <section aria-labelledby="funding-heading">
        <h2 id="funding-heading">{t('project.funding')}</h2>
        {project.allocations.length === 0 ? (
          <p>{t('project.noFunding')}</p>
        ) : (
          <Table
            head={[t('transactions.fund'), t('project.fundCameFrom'), t('field.sourceType'), t('notice.decidedOn'), t('field.amount')]}
            testId="project-allocations"
          >
            {project.allocations.map((a) => (
              <tr key={`${a.fund.code}-${a.decidedOn}`}>
                <td>
                  <Link to={`/funds/${encodeURIComponent(a.fund.code)}`}>{a.fund.name}</Link>
                </td>
                <td data-testid="allocation-sources">
                  {a.fund.sources.length === 0
                    ? t('project.fundOwnMoney')
                    : a.fund.sources.map((s) => (
                        <span key={s.from.code}>
                          <Link to={`/funds/${encodeURIComponent(s.from.code)}`}>{s.from.name}</Link> {formatYuan(s.amount.yuan)}{' '}
                        </span>
                      ))}
                </td>
                <td>{te('FundSourceType', a.fund.sourceType)}</td>
                <td>{a.decidedOn}</td>
                <td className="number">{formatYuan(a.amount.yuan)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      {project.targets.length > 0 && (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t('project.targets')}</h2>
          <Table
            head={[t('project.indicator'), t('project.baseline'), t('project.target'), t('project.actualValue')]}
            testId="project-targets"
          >
            {project.targets.map((target) => (
              <tr key={target.indicator}>
                <td>{target.indicator}</td>
                <td className="number">{`${target.baseline} ${target.unit}`}</td>
                <td className="number">{`${target.target} ${target.unit}`}</td>
                <td className="number">{target.actual === null ? '—' : `${target.actual} ${target.unit}`}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      <ProjectAssetsSection code={project.code} />

      <section aria-labelledby="transactions-heading">
        <h2 id="transactions-heading">{t('project.transactions')}</h2>
        <PagedQuery query={ProjectTransactions} variables={{ code: project.code }} param="transactions">
          {({ project: p }, pager) =>
            p && (
              <>
                <TransactionTable transactions={p.transactions.nodes} show="fund" />
                {pager(p.transactions.pageInfo, p.transactions.totalCount)}
              </>
            )
          }
        </PagedQuery>
      </section>

      <section aria-labelledby="project-notices-heading">
        <h2 id="project-notices-heading">{t('project.notices')}</h2>
        <NoticeList notices={project.notices} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        <AuditHistory id={project.id} />
      </section>

      <p className="cite">
        {t('record.cite')} <a href={`/p/${encodeURIComponent(project.code)}`}>{`${location.origin}/p/${project.code}`}</a>
      </p>
    </article>
  );
}
