import { useState } from 'react';
import { gql } from 'urql';
import { Chart } from '../components/Chart';
import { ExportLinks } from '../components/ExportLinks';
import { NeedList, NeedListFields, PledgeListFields, PledgeTable, type NeedListItem, type PledgeListItem } from '../components/NeedList';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { RegionTrail, type TrailRegion } from '../components/RegionTrail';
import { MicrocreditCells, useMicrocreditHead, type MicrocreditFigures } from '../components/Microcredit';
import { Facts, Table } from '../components/Table';
import { useI18n } from '../i18n';
import { fenToYuan, formatCount, formatYuan } from '../lib/format';
import { Link } from '../router';
import { useHasField } from '../lib/schema';
import { ObjectionForm } from '../components/Objections';
import { NotFound } from './Notice';
import { WhoHelpsSection } from './WhoHelps';
import { AssetsSection, EntitlementsSection } from './Assets';

interface Statistics {
  year: number;
  population: number;
  poorPeople: number;
  poorHouseholds: number;
  povertyIncidencePercent: string;
  collectiveIncome: { yuan: string };
  perCapitaDisposableIncome: { yuan: string };
  isDemo: boolean;
}

interface RegionDetail {
  id: string;
  shortCode: string;
  name: string;
  level: string;
  povertyStatus: string;
  plannedExitYear: number | null;
  actualExitYear: number | null;
  isNationalKeyCounty: boolean;
  isProvincialKeyCounty: boolean;
  isContiguousDestituteArea: boolean;
  isDeepPoverty: boolean;
  ancestors: TrailRegion[];
  statistics: Statistics[];
}

const RegionQuery = gql<{ region: RegionDetail | null }, { code: string }>`
  query VillagePage($code: String!) {
    region(code: $code) {
      id
      shortCode
      name
      level
      povertyStatus
      plannedExitYear
      actualExitYear
      isNationalKeyCounty
      isProvincialKeyCounty
      isContiguousDestituteArea
      isDeepPoverty
      ancestors {
        shortCode
        name
      }
      statistics {
        year
        population
        poorPeople
        poorHouseholds
        povertyIncidencePercent
        collectiveIncome {
          yuan
        }
        perCapitaDisposableIncome {
          yuan
        }
        isDemo
      }
    }
  }
`;

type ExitThreshold =
  | 'POVERTY_INCIDENCE'
  | 'COLLECTIVE_INCOME'
  | 'RURAL_PER_CAPITA_INCOME'
  | 'VILLAGE_INCOME_SHARE'
  | 'HELPED_HOUSEHOLD_INCOME_SHARE'
  | 'INFRASTRUCTURE_SOLVED';

interface ExitCheck {
  threshold: ExitThreshold;
  required: string;
  actual: string | null;
  passed: boolean;
  source: string;
}

interface ExitRecord {
  code: string;
  status: string;
  year: number;
  proposedOn: string;
  noticePeriodEndsOn: string;
  confirmedOn: string | null;
  withdrawalReason: string | null;
  responsibleRole: string;
  verifyingOrganization: { name: string };
  notice: { code: string; title: string };
  assessment: { met: boolean; checks: ExitCheck[] };
}

/** A check of the exit criteria, as stored with an exit and as assessed on a year's figures. */
const ExitCheckFields = gql`
  fragment ExitCheckFields on ExitCheck {
    threshold
    required
    actual
    passed
    source
  }
`;

const ExitsQuery = gql<{ region: { exits: ExitRecord[] } | null }, { code: string }>`
  query VillageExits($code: String!) {
    region(code: $code) {
      exits {
        code
        status
        year
        proposedOn
        noticePeriodEndsOn
        confirmedOn
        withdrawalReason
        responsibleRole
        verifyingOrganization {
          name
        }
        notice {
          code
          title
        }
        assessment {
          met
          checks {
            ...ExitCheckFields
          }
        }
      }
    }
  }
  ${ExitCheckFields}
`;

const MoneyThresholds = new Set<ExitThreshold>(['COLLECTIVE_INCOME', 'RURAL_PER_CAPITA_INCOME']);

/** One exit check in the reader's language, with its figures in their unit and the document it comes from. */
function ExitCheckItem({ check }: { check: ExitCheck }) {
  const { t, tf } = useI18n();
  const figure = (value: string | null) =>
    value === null
      ? t('exit.notRecorded')
      : MoneyThresholds.has(check.threshold)
        ? formatYuan(value)
        : value === 'true'
          ? t('exit.yes')
          : value === 'false'
            ? t('exit.no')
            : value;
  return (
    <li className={check.passed ? 'check-passed' : 'check-missed'} data-threshold={check.threshold}>
      {tf(`exit.check.${check.threshold}`, { actual: figure(check.actual), required: figure(check.required) })}
      {' — '}
      <strong>{check.passed ? t('exit.passed') : t('exit.missed')}</strong>
      {check.source && <span className="muted"> （{check.source}）</span>}
    </li>
  );
}

/** The exit records of a village or county: the stored assessment, the notice and where the exit stands. */
function ExitsSection({ code }: { code: string }) {
  const { t, te } = useI18n();
  return (
    <Query query={ExitsQuery} variables={{ code }}>
      {({ region }) => {
        const exits = region?.exits ?? [];
        if (exits.length === 0) return <p className="muted">{t('exit.none')}</p>;
        return (
          <ul data-testid="exits">
            {exits.map((exit) => (
              <li key={exit.code} data-status={exit.status}>
                <p>
                  <strong>{exit.code}</strong> · {exit.year} · {te('ExitStatus', exit.status)} ·{' '}
                  <Link to={`/notices/${encodeURIComponent(exit.notice.code)}`}>{exit.notice.title}</Link>
                </p>
                <Facts
                  items={[
                    [t('exit.verifiedBy'), `${exit.verifyingOrganization.name} · ${exit.responsibleRole}`],
                    [t('exit.noticePeriodEndsOn'), exit.noticePeriodEndsOn],
                    ...(exit.confirmedOn ? [[t('exit.confirmedOn'), exit.confirmedOn] as [string, string]] : []),
                    ...(exit.withdrawalReason ? [[t('exit.withdrawalReason'), exit.withdrawalReason] as [string, string]] : []),
                  ]}
                />
                <ul>
                  {exit.assessment.checks.map((check) => (
                    <ExitCheckItem key={check.threshold} check={check} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        );
      }}
    </Query>
  );
}

interface Assessment {
  year: number;
  met: boolean;
  checks: ExitCheck[];
  criterion: { fromYear: number; maxPovertyIncidencePercent: string; minCollectiveIncome: { yuan: string } | null; source: string };
  figures: { povertyIncidencePercent: string; collectiveIncome: { yuan: string } };
}

const AssessmentQuery = gql<{ region: { exitAssessment: Assessment | null } | null }, { code: string; year: number }>`
  query VillageExitAssessment($code: String!, $year: Int!) {
    region(code: $code) {
      exitAssessment(year: $year) {
        year
        met
        checks {
          ...ExitCheckFields
        }
        criterion {
          fromYear
          maxPovertyIncidencePercent
          minCollectiveIncome {
            yuan
          }
          source
        }
        figures {
          povertyIncidencePercent
          collectiveIncome {
            yuan
          }
        }
      }
    }
  }
  ${ExitCheckFields}
`;

const MoneyQuery = gql<
  { moneySummary: { kind: string; year: number; count: number; amount: { yuan: string; fen: number } }[] },
  { code: string }
>`
  query VillageMoney($code: String!) {
    moneySummary(region: $code) {
      kind
      year
      count
      amount {
        yuan
        fen
      }
    }
  }
`;

interface ProjectRow {
  code: string;
  name: string;
  category: string;
  status: string;
  fiscalYear: number;
  budget: { yuan: string };
  region: TrailRegion;
  allocations: { amount: { yuan: string }; fund: { code: string; name: string } }[];
}

const ProjectsQuery = gql<
  { projects: { totalCount: number; pageInfo: PageInfo; nodes: ProjectRow[] } },
  { code: string; after: string | null }
>`
  query VillageProjects($code: String!, $after: String) {
    projects(region: $code, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        category
        status
        fiscalYear
        budget {
          yuan
        }
        region {
          shortCode
          name
        }
        allocations {
          amount {
            yuan
          }
          fund {
            code
            name
          }
        }
      }
    }
  }
`;

const FundsQuery = gql<
  {
    funds: {
      totalCount: number;
      pageInfo: PageInfo;
      nodes: { code: string; name: string; fiscalYear: number; sourceType: string; amount: { yuan: string } }[];
    };
  },
  { code: string; after: string | null }
>`
  query VillageFunds($code: String!, $after: String) {
    funds(region: $code, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        fiscalYear
        sourceType
        amount {
          yuan
        }
      }
    }
  }
`;

const NoticesQuery = gql<
  { notices: { totalCount: number; pageInfo: PageInfo; nodes: NoticeListItem[] } },
  { code: string; after: string | null }
>`
  query VillageNotices($code: String!, $after: String) {
    notices(region: $code, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...NoticeListFields
      }
    }
  }
  ${NoticeListFields}
`;

const ChildrenQuery = gql<
  {
    region: {
      children: { totalCount: number; pageInfo: PageInfo; nodes: { shortCode: string; name: string; povertyStatus: string }[] };
    } | null;
  },
  { code: string; after: string | null }
>`
  query VillageChildren($code: String!, $after: String) {
    region(code: $code) {
      children(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          shortCode
          name
          povertyStatus
        }
      }
    }
  }
`;

export function VillagePage({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Query query={RegionQuery} variables={{ code }}>
      {({ region }) => (region ? <RegionView region={region} /> : <NotFound what={t('village.notFound')} code={code} />)}
    </Query>
  );
}

function RegionView({ region }: { region: RegionDetail }) {
  const { t, te, lang } = useI18n();
  const hasNeeds = useHasField('Query', 'needs');
  const flags = [
    region.isNationalKeyCounty && t('region.nationalKeyCounty'),
    region.isProvincialKeyCounty && t('region.provincialKeyCounty'),
    region.isContiguousDestituteArea && t('region.contiguousArea'),
    region.isDeepPoverty && t('region.deepPoverty'),
  ].filter(Boolean);
  const code = region.shortCode;

  return (
    <article data-testid="village-page" data-code={code}>
      <p className="kicker">
        <span className="badge">{te('RegionLevel', region.level)}</span>{' '}
        <span className="badge">{te('PovertyStatus', region.povertyStatus)}</span>
      </p>
      <h1>{region.name}</h1>
      <p>
        {region.ancestors.length > 0 && (
          <RegionTrail region={region.ancestors[region.ancestors.length - 1]} ancestors={region.ancestors.slice(0, -1)} />
        )}
      </p>
      <Facts
        items={[
          [t('region.code'), <span className="code">{code}</span>],
          [t('region.povertyStatus'), te('PovertyStatus', region.povertyStatus)],
          [t('region.plannedExit'), region.plannedExitYear],
          [t('region.actualExit'), region.actualExitYear],
          [t('region.flags'), flags.length ? flags.join(lang === 'zh' ? '、' : ', ') : '—'],
        ]}
      />

      {region.statistics.length > 0 && <StatisticsSection code={code} statistics={region.statistics} />}

      <WhoHelpsSection code={code} level={region.level} year={region.statistics.at(-1)?.year ?? new Date().getFullYear()} />
      <ChecklistSection code={code} />
      <AssetsSection code={code} />
      <EntitlementsSection code={code} />
      {['PROVINCE', 'CITY', 'COUNTY'].includes(region.level) && <MicrocreditSection code={code} county={region.level === 'COUNTY'} />}

      {hasNeeds && <NeedsSection code={code} />}
      <MoneySection code={code} />
      <ProjectsSection code={code} />
      <FundsSection code={code} />

      <section aria-labelledby="village-notices-heading">
        <h2 id="village-notices-heading">{t('village.notices')}</h2>
        <PagedQuery query={NoticesQuery} variables={{ code }} param="notices">
          {(data, pager) => (
            <>
              <NoticeList notices={data.notices.nodes} />
              {pager(data.notices.pageInfo, data.notices.totalCount)}
            </>
          )}
        </PagedQuery>
      </section>

      <section aria-labelledby="misuse-heading">
        <h2 id="misuse-heading">{t('objection.misuseTitle')}</h2>
        <ObjectionForm region={code} />
      </section>

      {region.level !== 'VILLAGE' && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t('village.children')}</h2>
          <PagedQuery query={ChildrenQuery} variables={{ code }} param="places">
            {(data, pager) =>
              data.region && (
                <>
                  <ul className="chips" data-testid="region-children">
                    {data.region.children.nodes.map((c) => (
                      <li key={c.shortCode}>
                        <Link to={`/villages/${c.shortCode}`}>{c.name}</Link>
                        {c.povertyStatus !== 'NOT_REGISTERED' && <span className="muted"> · {te('PovertyStatus', c.povertyStatus)}</span>}
                      </li>
                    ))}
                  </ul>
                  {pager(data.region.children.pageInfo, data.region.children.totalCount)}
                </>
              )
            }
          </PagedQuery>
        </section>
      )}

      <p className="cite">
        {t('record.cite')} <a href={`/v/${code}`}>{`${location.origin}/v/${code}`}</a>
      </p>
    </article>
  );
}

interface Checklists {
  policyContinuation: { lastYear: number | null; inForce: boolean; text: string; documentTitle: string } | null;
  facilities: {
    year: number;
    mainProblemsSolved: boolean;
    isDemo: boolean;
    items: { item: string; present: boolean; main: boolean }[];
  } | null;
  monitoring: {
    year: number;
    peopleExited: number;
    peopleRelapsed: number;
    householdsMonitored: number;
    fromVillages: boolean;
    isDemo: boolean;
  }[];
}

const ChecklistQuery = gql<{ region: Checklists | null }, { code: string }>`
  query VillageChecklists($code: String!) {
    region(code: $code) {
      policyContinuation {
        lastYear
        inForce
        text
        documentTitle
      }
      facilities {
        year
        mainProblemsSolved
        isDemo
        items {
          item
          present
          main
        }
      }
      monitoring {
        year
        peopleExited
        peopleRelapsed
        householdsMonitored
        fromVillages
        isDemo
      }
    }
  }
`;

/** The continuation of an exited place's policies, the latest checklist (villages) and the monitoring counts (villages, counties). */
function ChecklistSection({ code }: { code: string }) {
  const { t, tf, te, lang } = useI18n();
  return (
    <Query query={ChecklistQuery} variables={{ code }}>
      {({ region }) =>
        region && (
          <>
            {region.policyContinuation && (
              <section aria-labelledby="continuation-heading" data-testid="policy-continuation">
                <h2 id="continuation-heading">{t('continuation.title')}</h2>
                <p>
                  {region.policyContinuation.lastYear === null
                    ? t('continuation.noEnd')
                    : tf('continuation.until', { year: region.policyContinuation.lastYear })}
                </p>
                <blockquote>
                  {region.policyContinuation.text}
                  <footer>{region.policyContinuation.documentTitle}</footer>
                </blockquote>
              </section>
            )}
            {region.facilities && (
              <section aria-labelledby="facilities-heading" data-testid="village-facilities">
                <h2 id="facilities-heading">{tf('facilities.title', { year: region.facilities.year })}</h2>
                {region.facilities.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
                <p data-testid="facilities-solved">
                  {t(region.facilities.mainProblemsSolved ? 'facilities.solved' : 'facilities.notSolved')}
                </p>
                <ul className="checklist">
                  {region.facilities.items.map((i) => (
                    <li key={i.item} data-item={i.item} data-present={i.present}>
                      <span aria-hidden="true">{i.present ? '✓' : '✗'}</span> {te('VillageFacility', i.item)}
                      <span className="visually-hidden">{t(i.present ? 'facilities.present' : 'facilities.absent')}</span>
                      {i.main && <span className="muted"> · {t('facilities.main')}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {region.monitoring.length > 0 && (
              <section aria-labelledby="monitoring-heading">
                <h2 id="monitoring-heading">{t('monitoring.title')}</h2>
                <p className="muted">{t('village.statisticsNote')}</p>
                <Table
                  head={[
                    t('field.year'),
                    t('monitoring.peopleExited'),
                    t('monitoring.peopleRelapsed'),
                    t('monitoring.householdsMonitored'),
                    t('monitoring.source'),
                  ]}
                  testId="region-monitoring"
                >
                  {region.monitoring.map((m) => (
                    <tr key={m.year}>
                      <td>{m.year}</td>
                      <td className="number">{formatCount(m.peopleExited, lang)}</td>
                      <td className="number">{formatCount(m.peopleRelapsed, lang)}</td>
                      <td className="number">{formatCount(m.householdsMonitored, lang)}</td>
                      <td>
                        {t(m.fromVillages ? 'monitoring.fromVillages' : 'monitoring.own')}
                        {m.isDemo && <span className="badge badge-demo"> {t('record.demo')}</span>}
                      </td>
                    </tr>
                  ))}
                </Table>
              </section>
            )}
          </>
        )
      }
    </Query>
  );
}

interface MicrocreditYear extends MicrocreditFigures {
  year: number;
  countiesReporting: number;
  isDemo: boolean;
}

const MicrocreditQuery = gql<
  {
    region: {
      microcreditByYear: MicrocreditYear[];
      microcreditRecords: {
        code: string;
        year: number;
        version: number;
        isCurrent: boolean;
        correctionReason: string | null;
        recordedAt: string;
      }[];
    } | null;
  },
  { code: string }
>`
  query RegionMicrocredit($code: String!) {
    region(code: $code) {
      microcreditByYear {
        year countiesReporting loansIssuedCount loansIssued { yuan } outstandingBalance { yuan } overdue { yuan }
        overdueRatePercent interestSubsidy { yuan } riskCompensationFund { yuan } isDemo
      }
      microcreditRecords { code year version isCurrent correctionReason recordedAt }
    }
  }
`;

/** Microcredit (扶贫小额信贷) by year: a county's own figures, the sum of its counties for a city or province; never a borrower. */
function MicrocreditSection({ code, county }: { code: string; county: boolean }) {
  const { t, tf, lang } = useI18n();
  const head = useMicrocreditHead();
  return (
    <Query query={MicrocreditQuery} variables={{ code }} refetchOn={['MicrocreditRecord']}>
      {({ region }) =>
        region &&
        region.microcreditByYear.length > 0 && (
          <section aria-labelledby="microcredit-heading" data-testid="region-microcredit">
            <h2 id="microcredit-heading">{t('microcredit.title')}</h2>
            <p className="muted">{t(county ? 'microcredit.noteCounty' : 'microcredit.noteSum')}</p>
            <Table head={[t('field.year'), ...head, ...(county ? [] : [t('microcredit.counties')])]} testId="microcredit-table">
              {region.microcreditByYear.map((m) => (
                <tr key={m.year} data-year={m.year}>
                  <td>
                    {m.year}
                    {m.isDemo && <span className="badge badge-demo"> {t('record.demo')}</span>}
                  </td>
                  <MicrocreditCells figures={m} />
                  {!county && <td className="number">{formatCount(m.countiesReporting, lang)}</td>}
                </tr>
              ))}
            </Table>
            {region.microcreditRecords
              .filter((r) => r.version > 1)
              .map((r) => (
                <p key={r.code} className="muted" data-testid="microcredit-correction">
                  {tf('microcredit.corrected', { year: r.year, version: r.version, day: r.recordedAt.slice(0, 10) })} {r.correctionReason}
                </p>
              ))}
            <ExportLinks list="microcredit" filters={{ region: code }} />
          </section>
        )
      }
    </Query>
  );
}

function StatisticsSection({ code, statistics }: { code: string; statistics: Statistics[] }) {
  const { t, lang } = useI18n();
  const years = statistics.map((s) => s.year);
  const [year, setYear] = useState(years[years.length - 1]);
  return (
    <section aria-labelledby="statistics-heading">
      <h2 id="statistics-heading">{t('village.statistics')}</h2>
      <p className="muted">{t('village.statisticsNote')}</p>
      {statistics.some((s) => s.isDemo) && (
        <p>
          <span className="badge badge-demo" data-testid="statistics-demo">
            {t('record.demo')}
          </span>{' '}
          {t('village.statisticsDemo')}
        </p>
      )}
      <Chart
        label={t('village.incidenceChart')}
        height={220}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: years },
          yAxis: { type: 'value', name: '%' },
          series: [{ type: 'line', name: t('village.incidence'), data: statistics.map((s) => Number(s.povertyIncidencePercent)) }],
        }}
      />
      <Table
        head={[
          t('field.year'),
          t('village.population'),
          t('village.poorPeople'),
          t('village.poorHouseholds'),
          t('village.incidence'),
          t('village.collectiveIncome'),
          t('village.perCapitaIncome'),
        ]}
        testId="village-statistics"
      >
        {statistics.map((s) => (
          <tr key={s.year}>
            <td>{s.year}</td>
            <td className="number">{formatCount(s.population, lang)}</td>
            <td className="number">{formatCount(s.poorPeople, lang)}</td>
            <td className="number">{formatCount(s.poorHouseholds, lang)}</td>
            <td className="number">{s.povertyIncidencePercent}%</td>
            <td className="number">{formatYuan(s.collectiveIncome.yuan)}</td>
            <td className="number">{formatYuan(s.perCapitaDisposableIncome.yuan)}</td>
          </tr>
        ))}
      </Table>
      <h3>{t('village.exitAssessment')}</h3>
      <div className="field">
        <label htmlFor="assessment-year">{t('field.year')}</label>
        <select id="assessment-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Query query={AssessmentQuery} variables={{ code, year }}>
        {({ region }) => {
          const assessment = region?.exitAssessment;
          if (!assessment) return <p className="muted">{t('village.noAssessment')}</p>;
          return (
            <div className={assessment.met ? 'assessment met' : 'assessment missed'} data-testid="exit-assessment">
              <p>
                <strong>{assessment.met ? t('village.criteriaMet') : t('village.criteriaMissed')}</strong>
              </p>
              <ul data-testid="exit-checks">
                {assessment.checks.map((check) => (
                  <ExitCheckItem key={check.threshold} check={check} />
                ))}
              </ul>
              <Facts items={[[t('village.criterionSource'), assessment.criterion.source]]} />
            </div>
          );
        }}
      </Query>
      <h3>{t('exit.records')}</h3>
      <ExitsSection code={code} />
    </section>
  );
}

function MoneySection({ code }: { code: string }) {
  const { t, te, lang } = useI18n();
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t('village.money')}</h2>
      <p className="muted">{t('home.moneyNote')}</p>
      <Query query={MoneyQuery} variables={{ code }}>
        {({ moneySummary }) => {
          const kinds = [...new Set(moneySummary.map((g) => g.kind))];
          const years = [...new Set(moneySummary.map((g) => g.year))].sort();
          if (moneySummary.length === 0) return <p>{t('home.noMoney')}</p>;
          return (
            <Table head={[t('field.year'), ...kinds.map((k) => te('TransactionKind', k))]} testId="village-money">
              {years.map((year) => (
                <tr key={year}>
                  <td>{year}</td>
                  {kinds.map((kind) => {
                    const groups = moneySummary.filter((g) => g.year === year && g.kind === kind);
                    const fen = groups.reduce((sum, g) => sum + g.amount.fen, 0);
                    const count = groups.reduce((sum, g) => sum + g.count, 0);
                    return (
                      <td key={kind} className="number">
                        {count === 0 ? '—' : `${formatYuan(fenToYuan(fen))} (${formatCount(count, lang)})`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </Table>
          );
        }}
      </Query>
      <ExportLinks list="transactions" filters={{ region: code }} />
    </section>
  );
}

function ProjectsSection({ code }: { code: string }) {
  const { t, te } = useI18n();
  return (
    <section aria-labelledby="village-projects-heading">
      <h2 id="village-projects-heading">{t('village.projects')}</h2>
      <PagedQuery query={ProjectsQuery} variables={{ code }} param="projects">
        {(data, pager) =>
          data.projects.nodes.length === 0 ? (
            <p>{t('projects.none')}</p>
          ) : (
            <>
              <Table
                head={[t('field.name'), t('field.region'), t('field.category'), t('field.status'), t('field.budget'), t('project.funding')]}
                testId="village-projects"
              >
                {data.projects.nodes.map((p) => (
                  <tr key={p.code}>
                    <td>
                      <Link to={`/projects/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                      <div className="code">{p.code}</div>
                    </td>
                    <td>{p.region.name}</td>
                    <td>{te('ProjectCategory', p.category)}</td>
                    <td>{te('ProjectStatus', p.status)}</td>
                    <td className="number">{formatYuan(p.budget.yuan)}</td>
                    <td>
                      {p.allocations.map((a) => (
                        <div key={a.fund.code}>
                          <Link to={`/funds/${encodeURIComponent(a.fund.code)}`}>{a.fund.name}</Link> {formatYuan(a.amount.yuan)}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </Table>
              {pager(data.projects.pageInfo, data.projects.totalCount)}
            </>
          )
        }
      </PagedQuery>
      <ExportLinks list="projects" filters={{ region: code }} />
    </section>
  );
}

function FundsSection({ code }: { code: string }) {
  const { t, te } = useI18n();
  return (
    <PagedQuery query={FundsQuery} variables={{ code }} param="funds">
      {(data, pager) =>
        data.funds.totalCount > 0 && (
          <section aria-labelledby="village-funds-heading">
            <h2 id="village-funds-heading">{t('village.funds')}</h2>
            <Table head={[t('field.name'), t('field.fiscalYear'), t('field.sourceType'), t('field.amount')]} testId="village-funds">
              {data.funds.nodes.map((f) => (
                <tr key={f.code}>
                  <td>
                    <Link to={`/funds/${encodeURIComponent(f.code)}`}>{f.name}</Link>
                    <div className="code">{f.code}</div>
                  </td>
                  <td>{f.fiscalYear}</td>
                  <td>{te('FundSourceType', f.sourceType)}</td>
                  <td className="number">{formatYuan(f.amount.yuan)}</td>
                </tr>
              ))}
            </Table>
            {pager(data.funds.pageInfo, data.funds.totalCount)}
          </section>
        )
      }
    </PagedQuery>
  );
}

const NeedsQuery = gql<
  {
    needs: { totalCount: number; pageInfo: PageInfo; nodes: NeedListItem[] };
    pledges: { totalCount: number; nodes: PledgeListItem[] };
  },
  { code: string; after: string | null }
>`
  query VillageNeeds($code: String!, $after: String) {
    needs(region: $code, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...NeedListFields
      }
    }
    pledges(region: $code, first: 50) {
      totalCount
      nodes {
        ...PledgeListFields
      }
    }
  }
  ${NeedListFields}
  ${PledgeListFields}
`;

/** What the place needs, and everything promised and delivered against it (when the API has needs and pledges). */
function NeedsSection({ code }: { code: string }) {
  const { t, tf } = useI18n();
  return (
    <section aria-labelledby="village-needs-heading">
      <h2 id="village-needs-heading">{t('village.needs')}</h2>
      <PagedQuery query={NeedsQuery} variables={{ code }} param="needs">
        {(data, pager) => (
          <>
            <NeedList needs={data.needs.nodes} />
            {pager(data.needs.pageInfo, data.needs.totalCount)}
            <h3>{t('village.pledges')}</h3>
            <PledgeTable pledges={data.pledges.nodes} />
            {data.pledges.totalCount > data.pledges.nodes.length && (
              <p className="muted">{tf('village.morePledges', { shown: data.pledges.nodes.length, total: data.pledges.totalCount })}</p>
            )}
          </>
        )}
      </PagedQuery>
      <ExportLinks list="needs" filters={{ region: code }} />
      <ExportLinks list="deliveries" filters={{ region: code }} />
    </section>
  );
}
