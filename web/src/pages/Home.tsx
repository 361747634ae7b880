import { gql } from 'urql';
import { Chart } from '../components/Chart';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { Query } from '../components/Query';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { fenToWanYuan, fenToYuan, formatCount, formatYuan } from '../lib/format';
import { useHasField } from '../lib/schema';
import { href, Link, navigate, useLocation } from '../router';

const DataAsOf = gql<{ dataAsOf: string | null }>`
  query DataAsOf {
    dataAsOf
  }
`;

const Provinces = gql<{ regions: { nodes: { shortCode: string; name: string }[] } }>`
  query HomeProvinces {
    regions(first: 100) {
      nodes { shortCode name }
    }
  }
`;

const Years = gql<{ moneySummary: { year: number }[] }, { region: string | null }>`
  query HomeYears($region: String) {
    moneySummary(region: $region) { year }
  }
`;

interface MoneyGroup {
  kind: string;
  sourceType: string;
  count: number;
  amount: { fen: number; yuan: string };
}

interface Totals {
  moneySummary: MoneyGroup[];
  projectStatusCounts: { status: string; count: number; budget: { fen: number; yuan: string } }[];
  noticeCompliance: { published: number; late: number; lateSharePercent: string; averageWorkingDaysLate: number };
}

const HomeTotals = gql<Totals, { region: string | null; year: number | null }>`
  query HomeTotals($region: String, $year: Int) {
    moneySummary(region: $region, year: $year) { kind sourceType count amount { fen yuan } }
    projectStatusCounts(region: $region, year: $year) { status count budget { fen yuan } }
    noticeCompliance(region: $region, year: $year) { published late lateSharePercent averageWorkingDaysLate }
  }
`;

const Recent = gql<{ notices: { nodes: NoticeListItem[] } }, { region: string | null; year: number | null }>`
  query HomeRecentNotices($region: String, $year: Int) {
    notices(region: $region, year: $year, first: 6) {
      nodes { ...NoticeListFields }
    }
  }
  ${NoticeListFields}
`;

const NeedCounts = gql<{ all: { totalCount: number }; met: { totalCount: number }; open: { totalCount: number } }, { region: string | null; year: number | null }>`
  query HomeNeeds($region: String, $year: Int) {
    all: needs(region: $region, year: $year, first: 1) { totalCount }
    met: needs(region: $region, year: $year, status: FULFILLED, first: 1) { totalCount }
    open: openNeeds(region: $region, year: $year, first: 1) { totalCount }
  }
`;

/**
 * Village needs in the province (registered in the chosen year, when one is chosen): how many are public, take pledges
 * today (open or partly pledged), and met (received in full).
 */
function NeedsPanel({ region, year }: { region: string | null; year: number | null }) {
  const { t, tf, lang } = useI18n();
  return (
    <section aria-labelledby="needs-heading" className="panel">
      <h2 id="needs-heading">{year ? tf('home.needsIn', { year }) : t('home.needs')}</h2>
      <Query query={NeedCounts} variables={{ region, year }}>
        {({ all, met, open }) => (
          <div className="cards" data-testid="needs-summary">
            <div className="card">
              <div className="card-label">{t('home.needsPublic')}</div>
              <div className="card-value">{formatCount(all.totalCount, lang)}</div>
            </div>
            <div className="card">
              <div className="card-label">{t('home.needsOpen')}</div>
              <div className="card-value" data-testid="needs-open">{formatCount(open.totalCount, lang)}</div>
            </div>
            <div className="card">
              <div className="card-label">{t('home.needsMet')}</div>
              <div className="card-value" data-testid="needs-met">{formatCount(met.totalCount, lang)}</div>
            </div>
          </div>
        )}
      </Query>
      <p>
        <Link to={href('/needs', { region })}>{t('home.allNeeds')}</Link>
      </p>
    </section>
  );
}

const kinds = ['PLEDGE', 'COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE', 'INCOMING_FUNDS'];

export function Home() {
  const { t, tf, formatDateTime } = useI18n();
  const hasNeeds = useHasField('Query', 'needs');
  const { query } = useLocation();
  const region = query.get('region');
  const yearText = query.get('year');
  // Needs and notices follow a year the reader chose; without one they are the latest, whatever their year.
  const chosenYear = yearText && Number.isInteger(Number(yearText)) ? Number(yearText) : null;

  return (
    <>
      <h1>{t('app.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <Query query={DataAsOf}>
        {({ dataAsOf }) => (
          <p className="data-as-of" data-testid="data-as-of">
            {t('home.dataAsOf')} {dataAsOf ? <time dateTime={dataAsOf}>{formatDateTime(dataAsOf)}</time> : '—'}{' '}
            <span className="muted">{t('home.dataAsOfMeaning')}</span>
          </p>
        )}
      </Query>

      <Query query={Years} variables={{ region }}>
        {({ moneySummary }) => {
          const years = [...new Set(moneySummary.map((g) => g.year))].sort((a, b) => b - a);
          const year = yearText ? Number(yearText) : (years[0] ?? null);
          return (
            <>
              <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('home.filters')}>
                <div className="field">
                  <label htmlFor="home-province">{t('region.province')}</label>
                  <Query query={Provinces}>
                    {({ regions }) => (
                      <select
                        id="home-province"
                        value={region ?? ''}
                        onChange={(e) => navigate(href('/', { region: e.target.value, year: yearText }))}
                      >
                        <option value="">{t('home.allProvinces')}</option>
                        {regions.nodes.map((p) => (
                          <option key={p.shortCode} value={p.shortCode}>
                            {p.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Query>
                </div>
                <div className="field">
                  <label htmlFor="home-year">{t('filter.year')}</label>
                  <select id="home-year" value={year ?? ''} onChange={(e) => navigate(href('/', { region, year: e.target.value }))}>
                    {years.length === 0 && <option value="">—</option>}
                    {years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
              </form>
              <Totals region={region} year={year} />
            </>
          );
        }}
      </Query>

      {hasNeeds && <NeedsPanel region={region} year={chosenYear} />}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{chosenYear ? tf('home.recentNoticesIn', { year: chosenYear }) : t('home.recentNotices')}</h2>
        <Query query={Recent} variables={{ region, year: chosenYear }}>
          {({ notices }) => <NoticeList notices={notices.nodes} />}
        </Query>
        <p>
          <Link to={href('/notices', { region, year: yearText })}>{t('home.allNotices')}</Link>
        </p>
      </section>
    </>
  );
}

function Totals({ region, year }: { region: string | null; year: number | null }) {
  const { t, te, tf, lang } = useI18n();
  return (
    <div className="totals">
      <Query query={HomeTotals} variables={{ region, year }}>
        {({ moneySummary, projectStatusCounts, noticeCompliance }) => {
          const byKind = kinds
            .map((kind) => {
              const groups = moneySummary.filter((g) => g.kind === kind);
              return { kind, fen: groups.reduce((sum, g) => sum + g.amount.fen, 0), count: groups.reduce((sum, g) => sum + g.count, 0) };
            })
            .filter((k) => k.count > 0);
          const sources = [...new Set(moneySummary.map((g) => g.sourceType))];
          return (
            <>
              <section aria-labelledby="money-heading" className="panel">
                <h2 id="money-heading">{t('home.money')}</h2>
                <p className="muted">{t('home.moneyNote')}</p>
                {byKind.length === 0 ? (
                  <p data-testid="no-money">{t('home.noMoney')}</p>
                ) : (
                  <>
                    <div className="cards" data-testid="money-cards">
                      {byKind.map((k) => (
                        <div className="card" key={k.kind}>
                          <div className="card-label">{te('TransactionKind', k.kind)}</div>
                          <div className="card-value">{formatYuan(fenToYuan(k.fen))}</div>
                          <div className="muted">{tf('home.transactions', { count: formatCount(k.count, lang) })}</div>
                        </div>
                      ))}
                    </div>
                    <Chart
                      label={t('home.moneyChart')}
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: { type: 'scroll', bottom: 0 },
                        grid: { left: 8, right: 8, top: 24, bottom: 48, containLabel: true },
                        xAxis: { type: 'category', data: byKind.map((k) => te('TransactionKind', k.kind)) },
                        yAxis: { type: 'value', name: t('chart.wanYuan') },
                        series: sources.map((source) => ({
                          type: 'bar',
                          name: te('FundSourceType', source),
                          data: byKind.map((k) =>
                            fenToWanYuan(moneySummary.filter((g) => g.kind === k.kind && g.sourceType === source).reduce((sum, g) => sum + g.amount.fen, 0)),
                          ),
                        })),
                      }}
                    />
                    <details>
                      <summary>{t('home.moneyTable')}</summary>
                      <Table head={[t('field.kind'), t('field.sourceType'), t('field.count'), t('field.amount')]} testId="money-table">
                        {moneySummary.map((g) => (
                          <tr key={`${g.kind}-${g.sourceType}`}>
                            <td>{te('TransactionKind', g.kind)}</td>
                            <td>{te('FundSourceType', g.sourceType)}</td>
                            <td className="number">{formatCount(g.count, lang)}</td>
                            <td className="number">{formatYuan(g.amount.yuan)}</td>
                          </tr>
                        ))}
                      </Table>
                    </details>
                  </>
                )}
              </section>

              <section aria-labelledby="projects-heading" className="panel">
                <h2 id="projects-heading">{t('home.projects')}</h2>
                <Chart
                  label={t('home.projectsChart')}
                  height={240}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: projectStatusCounts.map((s) => te('ProjectStatus', s.status)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'bar', name: t('field.count'), data: projectStatusCounts.map((s) => s.count) }],
                  }}
                />
                <Table head={[t('field.status'), t('field.count'), t('field.budget')]} testId="project-status-table">
                  {projectStatusCounts.map((s) => (
                    <tr key={s.status}>
                      <td>
                        <Link to={href('/projects', { region, year: year ? String(year) : null, status: s.status })}>{te('ProjectStatus', s.status)}</Link>
                      </td>
                      <td className="number">{formatCount(s.count, lang)}</td>
                      <td className="number">{formatYuan(s.budget.yuan)}</td>
                    </tr>
                  ))}
                </Table>
              </section>

              <section aria-labelledby="compliance-heading" className="panel">
                <h2 id="compliance-heading">{t('home.compliance')}</h2>
                <div className="cards" data-testid="compliance">
                  <div className="card">
                    <div className="card-label">{t('home.published')}</div>
                    <div className="card-value" data-testid="notices-published">{formatCount(noticeCompliance.published, lang)}</div>
                  </div>
                  <div className="card">
                    <div className="card-label">{t('home.late')}</div>
                    <div className="card-value" data-testid="notices-late">{formatCount(noticeCompliance.late, lang)}</div>
                    <div className="muted">{tf('home.lateShare', { percent: noticeCompliance.lateSharePercent })}</div>
                  </div>
                  <div className="card">
                    <div className="card-label">{t('home.averageLate')}</div>
                    <div className="card-value">{noticeCompliance.averageWorkingDaysLate.toFixed(1)}</div>
                  </div>
                </div>
                <p>
                  <Link to={href('/notices', { region, year: year ? String(year) : null, late: 'true' })}>{t('home.lateNotices')}</Link>
                </p>
              </section>
            </>
          );
        }}
      </Query>
    </div>
  );
}
