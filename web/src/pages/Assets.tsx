import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { Query } from '../components/Query';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { formatCount, formatYuan } from '../lib/format';
import { Link } from '../router';

interface Money {
  yuan: string;
}

interface IncomeRow {
  year: number;
  amount: Money;
  toCollective: Money;
  toHouseholds: Money;
  householdsPaid: number;
  toJobs: Money;
  jobsPaid: number;
  isDemo: boolean;
}

interface AssetRow {
  code: string;
  name: string;
  kind: string;
  value: Money;
  shareHouseholds: number;
  inUseSince: string;
  isDemo: boolean;
  owner: { shortCode: string; name: string };
  project: { code: string; name: string };
  incomes: (IncomeRow & { retained: Money })[];
}

const AssetFields = gql`
  fragment AssetFields on Asset {
    code
    name
    kind
    value {
      yuan
    }
    shareHouseholds
    inUseSince
    isDemo
    owner {
      shortCode
      name
    }
    project {
      code
      name
    }
    incomes {
      year
      amount {
        yuan
      }
      toCollective {
        yuan
      }
      toHouseholds {
        yuan
      }
      householdsPaid
      toJobs {
        yuan
      }
      jobsPaid
      retained {
        yuan
      }
      isDemo
    }
  }
`;

const RegionAssetsQuery = gql<
  { region: { assets: { totalCount: number; nodes: AssetRow[] }; assetIncome: (IncomeRow & { assets: number })[] } | null },
  { code: string }
>`
  query RegionAssets($code: String!) {
    region(code: $code) {
      assets(first: 20) {
        totalCount
        nodes {
          ...AssetFields
        }
      }
      assetIncome {
        year
        assets
        amount {
          yuan
        }
        toCollective {
          yuan
        }
        toHouseholds {
          yuan
        }
        householdsPaid
        toJobs {
          yuan
        }
        jobsPaid
        isDemo
      }
    }
  }
  ${AssetFields}
`;

const ProjectAssetsQuery = gql<{ project: { assets: AssetRow[] } | null }, { code: string }>`
  query ProjectAssets($code: String!) {
    project(code: $code) {
      assets {
        ...AssetFields
      }
    }
  }
  ${AssetFields}
`;

interface EntitlementRow {
  code: string;
  year: number;
  program: string;
  grade: string | null;
  standard: Money;
  unit: string;
  documentTitle: string;
  documentNumber: string | null;
  recipients: number;
  isDemo: boolean;
  region: { shortCode: string; name: string };
  notice: { code: string } | null;
}

const EntitlementsQuery = gql<{ region: { entitlements: EntitlementRow[] } | null }, { code: string }>`
  query RegionEntitlements($code: String!) {
    region(code: $code) {
      entitlements {
        code
        year
        program
        grade
        standard {
          yuan
        }
        unit
        documentTitle
        documentNumber
        recipients
        isDemo
        region {
          shortCode
          name
        }
        notice {
          code
        }
      }
    }
  }
`;

/** An income table: a year a row, the amount and how it was distributed (recipients as counts). */
function IncomeTable({ rows, testId, assets }: { rows: (IncomeRow & { assets?: number })[]; testId: string; assets?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table
      head={[
        t('field.year'),
        ...(assets ? [t('asset.count')] : []),
        t('asset.amount'),
        t('asset.toCollective'),
        t('asset.toHouseholds'),
        t('asset.householdsPaid'),
        t('asset.toJobs'),
        t('asset.jobsPaid'),
      ]}
      testId={testId}
    >
      {rows.map((r) => (
        <tr key={r.year} data-year={r.year}>
          <td>
            {r.year}
            {r.isDemo && <span className="badge badge-demo"> {t('record.demo')}</span>}
          </td>
          {assets && <td className="number">{formatCount(r.assets ?? 0, lang)}</td>}
          <td className="number">{formatYuan(r.amount.yuan)}</td>
          <td className="number">{formatYuan(r.toCollective.yuan)}</td>
          <td className="number">{formatYuan(r.toHouseholds.yuan)}</td>
          <td className="number">{formatCount(r.householdsPaid, lang)}</td>
          <td className="number">{formatYuan(r.toJobs.yuan)}</td>
          <td className="number">{formatCount(r.jobsPaid, lang)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The assets and their yearly income, each asset with its own rows. */
function AssetList({ assets, showProject }: { assets: AssetRow[]; showProject: boolean }) {
  const { t, te, tf, lang } = useI18n();
  return (
    <ul className="asset-list" data-testid="asset-list">
      {assets.map((a) => (
        <li key={a.code} data-code={a.code}>
          <h3>
            {a.name} <span className="badge">{te('AssetKind', a.kind)}</span>
            {a.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
          </h3>
          <p className="muted">
            <span className="code">{a.code}</span> · {t('asset.value')} {formatYuan(a.value.yuan)} ·{' '}
            {tf('asset.shares', { households: formatCount(a.shareHouseholds, lang) })} · {t('asset.inUseSince')} {a.inUseSince} ·{' '}
            {t('asset.owner')} <Link to={`/villages/${a.owner.shortCode}`}>{a.owner.name}</Link>
            {showProject && (
              <>
                {' '}
                · {t('asset.project')} <Link to={`/projects/${encodeURIComponent(a.project.code)}`}>{a.project.name}</Link>
              </>
            )}
          </p>
          {a.incomes.length === 0 ? <p>{t('asset.noIncome')}</p> : <IncomeTable rows={a.incomes} testId={`asset-incomes-${a.code}`} />}
        </li>
      ))}
    </ul>
  );
}

/** 资产收益 of a place: its yearly totals (a county sums its villages) and the assets owned within it. */
export function AssetsSection({ code }: { code: string }) {
  const { t, tf } = useI18n();
  return (
    <section aria-labelledby="assets-heading" data-testid="region-assets">
      <h2 id="assets-heading">{t('asset.title')}</h2>
      <p className="muted">{t('asset.note')}</p>
      <Query query={RegionAssetsQuery} variables={{ code }}>
        {({ region }) =>
          region && (
            <>
              {region.assetIncome.length > 0 && (
                <>
                  <h3>{t('asset.totals')}</h3>
                  <IncomeTable rows={region.assetIncome} testId="region-asset-income" assets />
                </>
              )}
              {region.assets.totalCount === 0 ? (
                <p>{t('asset.none')}</p>
              ) : (
                <>
                  <p>{tf('asset.shown', { shown: region.assets.nodes.length, total: region.assets.totalCount })}</p>
                  <AssetList assets={region.assets.nodes} showProject />
                </>
              )}
            </>
          )
        }
      </Query>
      <ExportLinks list="assets" filters={{ region: code }} />
    </section>
  );
}

/** The assets a project left, with their income. */
export function ProjectAssetsSection({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Query query={ProjectAssetsQuery} variables={{ code }}>
      {({ project }) =>
        project &&
        project.assets.length > 0 && (
          <section aria-labelledby="project-assets-heading" data-testid="project-assets">
            <h2 id="project-assets-heading">{t('asset.title')}</h2>
            <AssetList assets={project.assets} showProject={false} />
          </section>
        )
      }
    </Query>
  );
}

/** 政策与待遇: the standards that apply to a place (its own and those of the places above it). */
export function EntitlementsSection({ code }: { code: string }) {
  const { t, te, lang } = useI18n();
  return (
    <section aria-labelledby="entitlements-heading" data-testid="region-entitlements">
      <h2 id="entitlements-heading">{t('entitlement.title')}</h2>
      <p className="muted">{t('entitlement.note')}</p>
      <Query query={EntitlementsQuery} variables={{ code }}>
        {({ region }) =>
          region &&
          (region.entitlements.length === 0 ? (
            <p>{t('entitlement.none')}</p>
          ) : (
            <Table
              head={[
                t('field.year'),
                t('entitlement.program'),
                t('entitlement.standard'),
                t('entitlement.recipients'),
                t('entitlement.region'),
                t('entitlement.document'),
              ]}
              testId="entitlements"
            >
              {region.entitlements.map((e) => (
                <tr key={e.code} data-code={e.code}>
                  <td>{e.year}</td>
                  <td>
                    {te('EntitlementProgram', e.program)}
                    {e.grade && <span className="muted"> · {e.grade}</span>}
                    {e.isDemo && <span className="badge badge-demo"> {t('record.demo')}</span>}
                  </td>
                  <td className="number">
                    {formatYuan(e.standard.yuan)} {te('EntitlementUnit', e.unit)}
                  </td>
                  <td className="number">{formatCount(e.recipients, lang)}</td>
                  <td>
                    <Link to={`/villages/${e.region.shortCode}`}>{e.region.name}</Link>
                  </td>
                  <td>
                    {e.documentTitle}
                    {e.documentNumber && ` ${e.documentNumber}`}
                    {e.notice && (
                      <>
                        {' '}
                        · <Link to={`/notices/${encodeURIComponent(e.notice.code)}`}>{e.notice.code}</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          ))
        }
      </Query>
      <ExportLinks list="entitlements" filters={{ region: code }} />
    </section>
  );
}
