import { gql } from 'urql';
import { Chart } from '../components/Chart';
import { ExportLinks } from '../components/ExportLinks';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { FiguresCards, FiguresChart, PledgeFiguresFields, type PledgeFigures } from '../components/Scorecard';
import { Facts, Table } from '../components/Table';
import { useI18n } from '../i18n';
import { fenToWanYuan, formatCount, formatYuan } from '../lib/format';
import { useHasField } from '../lib/schema';
import { Link } from '../router';
import { NotFound } from './Notice';
import { OrganizationList, OrganizationsQuery } from './Organizations';

interface ProgramDetail {
  code: string;
  name: string;
  description: string;
  startYear: number;
  region: { shortCode: string; name: string } | null;
  members: { totalCount: number };
}

const ProgramQuery = gql<{ program: ProgramDetail | null }, { code: string }>`
  query ProgramPage($code: String!) {
    program(code: $code) {
      code name description startYear
      region { shortCode name }
      members(first: 1) { totalCount }
    }
  }
`;

interface PairingRow {
  code: string;
  startYear: number;
  endYear: number | null;
  yearlyPlan: string;
  yearlyBudget: { yuan: string; fen: number };
  helperOrganization: { code: string; name: string } | null;
  helperRegion: { shortCode: string; name: string } | null;
  helpedRegion: { shortCode: string; name: string };
}

const PairingsQuery = gql<{ pairings: { totalCount: number; pageInfo: PageInfo; nodes: PairingRow[] } }, { program: string; after: string | null }>`
  query ProgramPairings($program: String!, $after: String) {
    pairings(program: $program, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        code startYear endYear yearlyPlan yearlyBudget { yuan fen }
        helperOrganization { code name }
        helperRegion { shortCode name }
        helpedRegion { shortCode name }
      }
    }
  }
`;

interface ProgramScorecard {
  organizations: number;
  enterprises: number;
  villages: number;
  needsPledged: number;
  needsMet: number;
  figures: PledgeFigures;
  byOrganization: { organization: { code: string; name: string }; figures: PledgeFigures }[];
}

const ScorecardQuery = gql<{ programScorecard: ProgramScorecard | null }, { code: string }>`
  query ProgramScorecard($code: String!) {
    programScorecard(program: $code) {
      organizations enterprises villages needsPledged needsMet
      figures { ...PledgeFiguresFields }
      byOrganization { organization { code name } figures { ...PledgeFiguresFields } }
    }
  }
  ${PledgeFiguresFields}
`;

/** Who took part, where, how many needs were met, and money pledged against money received. */
function ProgramDashboard({ code }: { code: string }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t('scorecard.programTitle')}</h2>
      <Query query={ScorecardQuery} variables={{ code }}>
        {({ programScorecard: card }) =>
          !card || card.figures.pledges === 0 ? (
            <p>{t('scorecard.none')}</p>
          ) : (
            <>
              <div className="cards" data-testid="program-dashboard">
                {(
                  [
                    [t('scorecard.organizations'), card.organizations],
                    [t('scorecard.enterprises'), card.enterprises],
                    [t('scorecard.villages'), card.villages],
                    [t('scorecard.needsPledged'), card.needsPledged],
                    [t('scorecard.needsMet'), card.needsMet],
                  ] as [string, number][]
                ).map(([label, value]) => (
                  <div className="card" key={label}>
                    <div className="card-label">{label}</div>
                    <div className="card-value">{formatCount(value, lang)}</div>
                  </div>
                ))}
              </div>
              <FiguresCards figures={card.figures} />
              <FiguresChart
                label={t('scorecard.byOrganizationChart')}
                groups={card.byOrganization.slice(0, 15).map((o) => ({ name: o.organization.name, figures: o.figures }))}
              />
            </>
          )
        }
      </Query>
    </section>
  );
}

/** A program's dashboard: its pledges, its pairings with their yearly budgets, and its members. */
export function ProgramPage({ code }: { code: string }) {
  const { t, tf } = useI18n();
  const hasScorecard = useHasField('Query', 'programScorecard');
  return (
    <Query query={ProgramQuery} variables={{ code }}>
      {({ program }) =>
        !program ? (
          <NotFound what={t('program.notFound')} code={code} />
        ) : (
          <article data-testid="program-page" data-code={program.code}>
            <h1>{program.name}</h1>
            <p>{program.description}</p>
            <Facts
              items={[
                [t('field.code'), <span className="code">{program.code}</span>],
                [t('program.startYear'), program.startYear],
                [t('program.scope'), program.region ? <Link to={`/villages/${program.region.shortCode}`}>{program.region.name}</Link> : t('organizations.national')],
                [t('program.members'), tf('organizations.memberCount', { count: program.members.totalCount })],
              ]}
            />
            {hasScorecard && <ProgramDashboard code={program.code} />}
            <section aria-labelledby="pairings-heading">
              <h2 id="pairings-heading">{t('program.pairings')}</h2>
              <PagedQuery query={PairingsQuery} variables={{ program: program.code }} param="pairings">
                {({ pairings }, pager) => (
                  <>
                    {pairings.nodes.length > 0 && (
                      <Chart
                        label={t('program.budgetChart')}
                        height={Math.max(200, pairings.nodes.length * 22)}
                        option={{
                          tooltip: { trigger: 'axis' },
                          grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
                          xAxis: { type: 'value', name: t('chart.wanYuan'), nameLocation: 'middle', nameGap: 24 },
                          yAxis: { type: 'category', data: pairings.nodes.map((p) => `${helper(p)} → ${p.helpedRegion.name}`), inverse: true },
                          series: [{ type: 'bar', name: t('program.yearlyBudget'), data: pairings.nodes.map((p) => fenToWanYuan(p.yearlyBudget.fen)) }],
                        }}
                      />
                    )}
                    <Table head={[t('program.helper'), t('program.helped'), t('program.years'), t('program.yearlyBudget'), t('program.plan')]} testId="pairings">
                      {pairings.nodes.map((p) => (
                        <tr key={p.code}>
                          <td>
                            {p.helperOrganization ? (
                              <Link to={`/organizations/${encodeURIComponent(p.helperOrganization.code)}`}>{p.helperOrganization.name}</Link>
                            ) : p.helperRegion ? (
                              <Link to={`/villages/${p.helperRegion.shortCode}`}>{p.helperRegion.name}</Link>
                            ) : (
                              '—'
                            )}
                          </td>
                          <td>
                            <Link to={`/villages/${p.helpedRegion.shortCode}`}>{p.helpedRegion.name}</Link>
                          </td>
                          <td>{`${p.startYear}–${p.endYear ?? ''}`}</td>
                          <td className="number">{formatYuan(p.yearlyBudget.yuan)}</td>
                          <td>{p.yearlyPlan}</td>
                        </tr>
                      ))}
                    </Table>
                    {pager(pairings.pageInfo, pairings.totalCount)}
                  </>
                )}
              </PagedQuery>
              <ExportLinks list="pairings" filters={{ program: program.code }} />
            </section>
            <section aria-labelledby="members-heading">
              <h2 id="members-heading">{t('program.members')}</h2>
              <PagedQuery query={OrganizationsQuery} variables={{ search: null, kind: null, program: program.code }} param="members">
                {({ organizations }, pager) => (
                  <>
                    <OrganizationList organizations={organizations.nodes} />
                    {pager(organizations.pageInfo, organizations.totalCount)}
                  </>
                )}
              </PagedQuery>
              <ExportLinks list="organizations" filters={{ program: program.code }} />
            </section>
          </article>
        )
      }
    </Query>
  );
}

function helper(p: PairingRow): string {
  return p.helperOrganization?.name ?? p.helperRegion?.name ?? '—';
}
