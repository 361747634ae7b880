import { gql } from 'urql';
import { Chart } from '../components/Chart';
import { MicrocreditCells, useMicrocreditHead, type MicrocreditFigures } from '../components/Microcredit';
import { Query } from '../components/Query';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { fenToWanYuan, formatCount, formatYuan } from '../lib/format';
import { href, Link, navigate, useLocation } from '../router';

// The reporter's comparison: for the units directly below a region (the provinces, a province's cities, a city's
// counties, a county's townships, a township's villages), the money by kind, the share of late notices and how quickly
// objections are answered. Each row goes a level down; the region and year are in the address, so a comparison is
// a link to share.

interface Place {
  code: string;
  shortCode: string;
  name: string;
  level: string;
}

type ComparedRegion = Place & { ancestors: Place[] };

interface Comparison {
  region: ComparedRegion | null;
  moneySummary: { year: number }[];
  moneyByRegion: {
    region: Place;
    kind: string;
    count: number;
    amount: { fen: number; yuan: string };
  }[];
  noticeComplianceByRegion: {
    region: Place;
    published: number;
    late: number;
    lateSharePercent: string;
    averageWorkingDaysLate: number;
  }[];
  objectionStatsByRegion: {
    region: Place;
    total: number;
    received: number;
    investigating: number;
    answered: number;
    rejected: number;
    averageDaysToRespond: number | null;
    maxDaysToRespond: number | null;
    overdue: number;
    deadlineDays: number;
  }[];
}

const PlaceFields = gql`
  fragment ComparedPlace on Region {
    code
    shortCode
    name
    level
  }
`;

const ComparedRegionQuery = gql<{ region: ComparedRegion | null }, { region: string }>`
  query ComparedRegion($region: String!) {
    region(code: $region) {
      ...ComparedPlace
      ancestors {
        ...ComparedPlace
      }
    }
  }
  ${PlaceFields}
`;

const Compare = gql<Omit<Comparison, 'region'>, { region: string | null; year: number | null }>`
  query CompareRegions($region: String, $year: Int) {
    moneySummary(region: $region) {
      year
    }
    moneyByRegion(region: $region, year: $year) {
      region {
        ...ComparedPlace
      }
      kind
      count
      amount {
        fen
        yuan
      }
    }
    noticeComplianceByRegion(region: $region, year: $year) {
      region {
        ...ComparedPlace
      }
      published
      late
      lateSharePercent
      averageWorkingDaysLate
    }
    objectionStatsByRegion(region: $region, year: $year) {
      region {
        ...ComparedPlace
      }
      total
      received
      investigating
      answered
      rejected
      averageDaysToRespond
      maxDaysToRespond
      overdue
      deadlineDays
    }
  }
  ${PlaceFields}
`;

const kinds = ['PLEDGE', 'COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE', 'INCOMING_FUNDS'];

const levelWords: Record<string, MessageKey> = {
  PROVINCE: 'reports.byProvince',
  CITY: 'reports.byCity',
  COUNTY: 'reports.byCounty',
  TOWNSHIP: 'reports.byTownship',
  VILLAGE: 'reports.byVillage',
};

const belowLevel: Record<string, string> = {
  PROVINCE: 'CITY',
  CITY: 'COUNTY',
  COUNTY: 'TOWNSHIP',
  TOWNSHIP: 'VILLAGE',
};

export function Reports() {
  const { t } = useI18n();
  const { query } = useLocation();
  const region = query.get('region');
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.intro')}</p>
      {region ? (
        <Query query={ComparedRegionQuery} variables={{ region }}>
          {(data) => (data.region ? <Comparisons region={data.region} /> : <p role="alert">{t('reports.noRegion')}</p>)}
        </Query>
      ) : (
        <Comparisons region={null} />
      )}
    </>
  );
}

function Comparisons({ region }: { region: ComparedRegion | null }) {
  const { t, tf } = useI18n();
  const { query } = useLocation();
  const yearText = query.get('year');
  const year = yearText && Number.isInteger(Number(yearText)) ? Number(yearText) : null;
  const code = region?.shortCode ?? null;
  const to = (place: string | null) => href('/reports', { region: place, year: yearText });
  const scope = region
    ? tf(levelWords[belowLevel[region.level] ?? 'VILLAGE'], {
        region: region.name,
      })
    : t('reports.byProvince');
  return (
    <>
      <nav aria-label={t('reports.trail')} className="trail" data-testid="reports-trail">
        {region ? <Link to={to(null)}>{t('home.allProvinces')}</Link> : <span aria-current="page">{t('home.allProvinces')}</span>}
        {region &&
          [...region.ancestors, region].map((r, i, all) => (
            <span key={r.shortCode}>
              {' › '}
              {i < all.length - 1 ? <Link to={to(r.shortCode)}>{r.name}</Link> : <span aria-current="page">{r.name}</span>}
            </span>
          ))}
        {region && (
          <>
            {' · '}
            <Link to={`/villages/${region.shortCode}`}>{t('reports.regionPage')}</Link>
          </>
        )}
      </nav>
      {region?.level === 'VILLAGE' ? (
        <p>{t('reports.villageIsLowest')}</p>
      ) : (
        <Query query={Compare} variables={{ region: code, year }}>
          {(answer) => {
            const data = { ...answer, region };
            const years = [...new Set(data.moneySummary.map((g) => g.year))].sort((a, b) => b - a);
            return (
              <>
                <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('home.filters')}>
                  <div className="field">
                    <label htmlFor="reports-year">{t('filter.year')}</label>
                    <select
                      id="reports-year"
                      value={year ?? ''}
                      onChange={(e) =>
                        navigate(
                          href('/reports', {
                            region: code,
                            year: e.target.value,
                          }),
                        )
                      }
                    >
                      <option value="">{t('reports.allYears')}</option>
                      {years.map((y) => (
                        <option key={y} value={y}>
                          {y}
                        </option>
                      ))}
                    </select>
                  </div>
                </form>
                <p className="muted">{t('reports.yearMeaning')}</p>
                <MoneyTable data={data} scope={scope} to={to} year={yearText} />
                <LateNotices data={data} scope={scope} to={to} year={yearText} />
                <ObjectionTimes data={data} scope={scope} to={to} year={yearText} />
                <Outcomes region={code} name={region?.name ?? t('home.allProvinces')} year={year} />
              </>
            );
          }}
        </Query>
      )}
    </>
  );
}

interface SectionProps {
  data: Comparison;
  scope: string;
  to: (code: string | null) => string;
  year: string | null;
}

/**
 * A row's place: a link a level down (a village to its page, having nothing below it), or the region's own records
 * (本级), which belong to no unit below it.
 */
function PlaceCell({ place, data, to }: { place: Place; data: Comparison; to: SectionProps['to'] }) {
  const { tf } = useI18n();
  if (data.region && place.code === data.region.code) return <td>{tf('reports.own', { region: place.name })}</td>;
  return (
    <td>
      <Link to={place.level === 'VILLAGE' ? `/villages/${place.shortCode}` : to(place.shortCode)}>{place.name}</Link>
    </td>
  );
}

/** Horizontal bars, a row per place in the table's order; several series get a legend. */
function PlaceBars({
  label,
  places,
  unit,
  series,
  max,
}: {
  label: string;
  places: string[];
  unit: string;
  series: { name: string; data: number[] }[];
  max?: number;
}) {
  const legend = series.length > 1;
  return (
    <Chart
      label={label}
      height={Math.max(200, places.length * (legend ? 28 : 24) + (legend ? 80 : 60))}
      option={{
        tooltip: { trigger: 'axis' },
        ...(legend ? { legend: { type: 'scroll', bottom: 0 } } : {}),
        grid: { left: 8, right: 24, top: 16, bottom: legend ? 40 : 8, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: places },
        xAxis: { type: 'value', name: unit, max },
        series: series.map((s) => ({ type: 'bar', ...s })),
      }}
    />
  );
}

/** The entries of one list, one per place, in the order the API gives them (by code). */
function places<T extends { region: Place }>(entries: T[]): Place[] {
  const seen = new Map<string, Place>();
  for (const entry of entries) seen.set(entry.region.code, entry.region);
  return [...seen.values()];
}

function MoneyTable({ data, scope, to }: SectionProps) {
  const { t, te, tf } = useI18n();
  const rows = places(data.moneyByRegion);
  const used = kinds.filter((kind) => data.moneyByRegion.some((m) => m.kind === kind));
  const amount = (place: Place, kind: string) => data.moneyByRegion.find((m) => m.region.code === place.code && m.kind === kind);
  return (
    <section aria-labelledby="reports-money" className="panel">
      <h2 id="reports-money">{tf('reports.money', { scope })}</h2>
      <p className="muted">{t('home.moneyNote')}</p>
      {rows.length === 0 ? (
        <p>{t('home.noMoney')}</p>
      ) : (
        <>
          <PlaceBars
            label={tf('reports.moneyChart', { scope })}
            places={rows.map((r) => r.name)}
            unit={t('chart.wanYuan')}
            series={used.map((kind) => ({
              name: te('TransactionKind', kind),
              data: rows.map((r) => fenToWanYuan(amount(r, kind)?.amount.fen ?? 0)),
            }))}
          />
          <Table head={[t('field.region'), ...used.map((kind) => te('TransactionKind', kind))]} testId="reports-money-table">
            {rows.map((place) => (
              <tr key={place.code}>
                <PlaceCell place={place} data={data} to={to} />
                {used.map((kind) => (
                  <td key={kind} className="number">
                    {formatYuan(amount(place, kind)?.amount.yuan ?? '0.00')}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function LateNotices({ data, scope, to, year }: SectionProps) {
  const { t, tf, lang } = useI18n();
  const rows = data.noticeComplianceByRegion;
  return (
    <section aria-labelledby="reports-late" className="panel">
      <h2 id="reports-late">{tf('reports.late', { scope })}</h2>
      <p className="muted">{t('reports.lateMeaning')}</p>
      {rows.length === 0 ? (
        <p>{t('reports.noNotices')}</p>
      ) : (
        <>
          <PlaceBars
            label={tf('reports.lateChart', { scope })}
            places={rows.map((r) => r.region.name)}
            unit="%"
            max={100}
            series={[{ name: t('reports.lateShare'), data: rows.map((r) => Number(r.lateSharePercent)) }]}
          />
          <Table
            head={[t('field.region'), t('home.published'), t('home.late'), t('reports.lateShare'), t('home.averageLate')]}
            testId="reports-late-table"
          >
            {rows.map((r) => (
              <tr key={r.region.code}>
                <PlaceCell place={r.region} data={data} to={to} />
                <td className="number">{formatCount(r.published, lang)}</td>
                <td className="number">
                  <Link
                    to={href('/notices', {
                      region: r.region.shortCode,
                      year,
                      late: 'true',
                    })}
                  >
                    {formatCount(r.late, lang)}
                  </Link>
                </td>
                <td className="number">{r.lateSharePercent}%</td>
                <td className="number">{r.averageWorkingDaysLate.toFixed(1)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function ObjectionTimes({ data, scope, to }: SectionProps) {
  const { t, tf, lang } = useI18n();
  const rows = data.objectionStatsByRegion;
  const days = (value: number | null) => (value === null ? '—' : tf('objectionPage.days', { days: value.toFixed(1) }));
  return (
    <section aria-labelledby="reports-objections" className="panel">
      <h2 id="reports-objections">{tf('reports.objections', { scope })}</h2>
      {rows[0] && <p className="muted">{tf('reports.objectionsMeaning', { days: rows[0].deadlineDays })}</p>}
      {rows.length === 0 ? (
        <p>{t('reports.noObjections')}</p>
      ) : (
        <>
          <PlaceBars
            label={tf('reports.objectionsChart', { scope })}
            places={rows.map((r) => r.region.name)}
            unit={t('reports.daysUnit')}
            series={[{ name: t('reports.averageDays'), data: rows.map((r) => r.averageDaysToRespond ?? 0) }]}
          />
          <Table
            head={[
              t('field.region'),
              t('reports.filed'),
              t('reports.open'),
              t('reports.answered'),
              t('reports.rejected'),
              t('reports.averageDays'),
              t('reports.longestDays'),
              t('reports.overdue'),
            ]}
            testId="reports-objections-table"
          >
            {rows.map((r) => (
              <tr key={r.region.code}>
                <PlaceCell place={r.region} data={data} to={to} />
                <td className="number">{formatCount(r.total, lang)}</td>
                <td className="number">{formatCount(r.received + r.investigating, lang)}</td>
                <td className="number">{formatCount(r.answered, lang)}</td>
                <td className="number">{formatCount(r.rejected, lang)}</td>
                <td className="number">{days(r.averageDaysToRespond)}</td>
                <td className="number">{days(r.maxDaysToRespond)}</td>
                <td className="number">
                  {r.overdue > 0 ? <span className="badge badge-late">{formatCount(r.overdue, lang)}</span> : formatCount(r.overdue, lang)}
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

interface OutcomeData {
  microcreditSummary: MicrocreditFigures & { year: number; countiesReporting: number };
  objectionOutcomes: {
    answered: number;
    upheld: number;
    partlyUpheld: number;
    notUpheld: number;
    noFinding: number;
    moneyRecovered: { yuan: string };
    withCorrectingNotice: number;
    measures: { measure: string; count: number }[];
  };
}

const OutcomesQuery = gql<OutcomeData, { region: string | null; year: number | null; creditYear: number }>`
  query ReportsOutcomes($region: String, $year: Int, $creditYear: Int!) {
    microcreditSummary(region: $region, year: $creditYear) {
      year countiesReporting loansIssuedCount loansIssued { yuan } outstandingBalance { yuan } overdue { yuan }
      overdueRatePercent interestSubsidy { yuan } riskCompensationFund { yuan }
    }
    objectionOutcomes(region: $region, year: $year) {
      answered upheld partlyUpheld notUpheld noFinding moneyRecovered { yuan } withCorrectingNotice measures { measure count }
    }
  }
`;

/**
 * The region's sums over its whole subtree: microcredit of a year (the year chosen, else last year: balances of
 * different years are never added) and what answered objections changed.
 */
function Outcomes({ region, name, year }: { region: string | null; name: string; year: number | null }) {
  const { t, tf, te, lang } = useI18n();
  const creditYear = year ?? new Date().getFullYear() - 1;
  const head = useMicrocreditHead();
  return (
    <Query query={OutcomesQuery} variables={{ region, year, creditYear }} refetchOn={['MicrocreditRecord', 'Objection']}>
      {({ microcreditSummary: m, objectionOutcomes: o }) => (
        <>
          <section aria-labelledby="reports-microcredit" className="panel" data-testid="reports-microcredit">
            <h2 id="reports-microcredit">{tf('reports.microcredit', { scope: name, year: m.year })}</h2>
            <p className="muted">{t('microcredit.noteSum')}</p>
            <Table head={[...head, t('microcredit.counties')]}>
              <tr>
                <MicrocreditCells figures={m} />
                <td className="number">{formatCount(m.countiesReporting, lang)}</td>
              </tr>
            </Table>
          </section>
          <section aria-labelledby="reports-outcomes" className="panel" data-testid="reports-outcomes">
            <h2 id="reports-outcomes">{tf('reports.outcomes', { scope: name })}</h2>
            <p className="muted">{t('reports.outcomesMeaning')}</p>
            <Table
              head={[
                t('reports.answered'),
                te('ObjectionFinding', 'UPHELD'),
                te('ObjectionFinding', 'PARTLY_UPHELD'),
                te('ObjectionFinding', 'NOT_UPHELD'),
                t('objectionPage.noFinding'),
                t('objectionPage.moneyRecovered'),
                t('objectionPage.correctingNotice'),
                ...o.measures.map((c) => te('ObjectionMeasure', c.measure)),
              ]}
            >
              <tr>
                <td className="number">{formatCount(o.answered, lang)}</td>
                <td className="number">{formatCount(o.upheld, lang)}</td>
                <td className="number">{formatCount(o.partlyUpheld, lang)}</td>
                <td className="number">{formatCount(o.notUpheld, lang)}</td>
                <td className="number">{formatCount(o.noFinding, lang)}</td>
                <td className="number">{formatYuan(o.moneyRecovered.yuan)}</td>
                <td className="number">{formatCount(o.withCorrectingNotice, lang)}</td>
                {o.measures.map((c) => (
                  <td key={c.measure} className="number">
                    {formatCount(c.count, lang)}
                  </td>
                ))}
              </tr>
            </Table>
          </section>
        </>
      )}
    </Query>
  );
}
