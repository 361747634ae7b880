import { gql } from 'urql';
import { AuditHistory } from '../components/AuditHistory';
import { ObjectionForm, Objections } from '../components/Objections';
import { Query } from '../components/Query';
import { RegionTrail, type TrailRegion } from '../components/RegionTrail';
import { Facts, Table } from '../components/Table';
import { useI18n } from '../i18n';
import { formatYuan } from '../lib/format';
import { useHasField } from '../lib/schema';
import { Link } from '../router';

interface NoticeDetail {
  id: string;
  code: string;
  title: string;
  kind: string;
  status: string;
  body: string;
  decidedOn: string;
  publishedOn: string | null;
  isLate: boolean;
  workingDaysLate: number;
  isDemo: boolean;
  noticePeriodDays: number | null;
  noticePeriodEndsOn: string | null;
  isOpenForObjections: boolean;
  supervisionPhone: string;
  localSupervisionPhone: string | null;
  correctionReason: string | null;
  withdrawalReason: string | null;
  region: TrailRegion & { ancestors: TrailRegion[] };
  publisher: { code: string; name: string };
  funds: { code: string; name: string; fiscalYear: number; sourceType: string; amount: { yuan: string } }[];
  projects: { code: string; name: string; status: string; budget: { yuan: string }; region: TrailRegion }[];
  supersessionChain: { code: string; title: string; status: string; publishedOn: string | null }[];
  exit: { code: string; status: string; region: { shortCode: string } } | null;
}

const NoticeQuery = gql<{ notice: NoticeDetail | null }, { code: string }>`
  query NoticePage($code: String!) {
    notice(code: $code) {
      id
      code
      title
      kind
      status
      body
      decidedOn
      publishedOn
      isLate
      workingDaysLate
      isDemo
      noticePeriodDays
      noticePeriodEndsOn
      isOpenForObjections
      supervisionPhone
      localSupervisionPhone
      correctionReason
      withdrawalReason
      region {
        shortCode
        name
        ancestors {
          shortCode
          name
        }
      }
      publisher {
        code
        name
      }
      funds {
        code
        name
        fiscalYear
        sourceType
        amount {
          yuan
        }
      }
      projects {
        code
        name
        status
        budget {
          yuan
        }
        region {
          shortCode
          name
        }
      }
      supersessionChain {
        code
        title
        status
        publishedOn
      }
      exit {
        code
        status
        region {
          shortCode
        }
      }
    }
  }
`;

export function NoticePage({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Query query={NoticeQuery} variables={{ code }}>
      {({ notice }) => (notice ? <NoticeView notice={notice} /> : <NotFound what={t('notice.notFound')} code={code} />)}
    </Query>
  );
}

export function NotFound({ what, code }: { what: string; code: string }) {
  return (
    <>
      <h1>{what}</h1>
      <p className="code" data-testid="not-found">
        {code}
      </p>
    </>
  );
}

function NoticeView({ notice }: { notice: NoticeDetail }) {
  const { t, te, tf } = useI18n();
  const hasObjections = useHasField('Query', 'objections');
  const canObject = useHasField('Mutation', 'fileObjection');

  return (
    <article data-testid="notice-page" data-code={notice.code}>
      <p className="kicker">
        <span className="badge">{te('NoticeKind', notice.kind)}</span>{' '}
        <span className={notice.status === 'PUBLISHED' ? 'badge' : 'badge badge-warn'}>{te('NoticeStatus', notice.status)}</span>{' '}
        {notice.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
      </p>
      <h1>{notice.title}</h1>
      {notice.status === 'SUPERSEDED' && <p className="notice-banner">{t('notice.supersededBanner')}</p>}
      {notice.status === 'WITHDRAWN' && (
        <p className="notice-banner">
          {t('notice.withdrawnBanner')} {notice.withdrawalReason}
        </p>
      )}
      {notice.exit && (
        <p data-testid="notice-exit">
          {t('exit.ofNotice')}: <Link to={`/villages/${notice.exit.region.shortCode}`}>{notice.exit.code}</Link> ·{' '}
          {te('ExitStatus', notice.exit.status)}
        </p>
      )}
      <Facts
        items={[
          [t('notice.number'), <span className="code">{notice.code}</span>],
          [t('field.region'), <RegionTrail region={notice.region} ancestors={notice.region.ancestors} />],
          [t('notice.publisher'), <Link to={`/organizations/${encodeURIComponent(notice.publisher.code)}`}>{notice.publisher.name}</Link>],
          [t('notice.decidedOn'), notice.decidedOn],
          [t('notice.publishedOn'), notice.publishedOn],
          [
            t('notice.timeliness'),
            notice.isLate ? (
              <span className="badge badge-late">{tf('notice.lateBy', { days: notice.workingDaysLate })}</span>
            ) : (
              t('notice.onTime')
            ),
          ],
          [
            t('notice.period'),
            notice.noticePeriodDays === null
              ? t('notice.noPeriod')
              : tf('notice.periodDays', { days: notice.noticePeriodDays, end: notice.noticePeriodEndsOn ?? '—' }),
          ],
          [t('notice.openForObjections'), notice.isOpenForObjections ? t('common.yes') : t('common.no')],
          [
            t('notice.supervision'),
            <>
              {t('notice.hotline')} <a href={`tel:${notice.supervisionPhone}`}>{notice.supervisionPhone}</a>
              {notice.localSupervisionPhone && (
                <>
                  {' · '}
                  {t('notice.localPhone')} <a href={`tel:${notice.localSupervisionPhone}`}>{notice.localSupervisionPhone}</a>
                </>
              )}
            </>,
          ],
          ...(notice.correctionReason ? [[t('notice.correctionReason'), notice.correctionReason] as [string, string]] : []),
        ]}
      />

      <section aria-labelledby="body-heading">
        <h2 id="body-heading">{t('notice.body')}</h2>
        <div className="notice-body" data-testid="notice-body">
          {notice.body}
        </div>
      </section>

      {notice.funds.length > 0 && (
        <section aria-labelledby="funds-heading">
          <h2 id="funds-heading">{t('notice.funds')}</h2>
          <Table
            head={[t('field.code'), t('field.name'), t('field.fiscalYear'), t('field.sourceType'), t('field.amount')]}
            testId="notice-funds"
          >
            {notice.funds.map((f) => (
              <tr key={f.code}>
                <td className="code">
                  <Link to={`/funds/${encodeURIComponent(f.code)}`}>{f.code}</Link>
                </td>
                <td>{f.name}</td>
                <td>{f.fiscalYear}</td>
                <td>{te('FundSourceType', f.sourceType)}</td>
                <td className="number">{formatYuan(f.amount.yuan)}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {notice.projects.length > 0 && (
        <section aria-labelledby="projects-heading">
          <h2 id="projects-heading">{t('notice.projects')}</h2>
          <Table
            head={[t('field.code'), t('field.name'), t('field.region'), t('field.status'), t('field.budget')]}
            testId="notice-projects"
          >
            {notice.projects.map((p) => (
              <tr key={p.code}>
                <td className="code">
                  <Link to={`/projects/${encodeURIComponent(p.code)}`}>{p.code}</Link>
                </td>
                <td>{p.name}</td>
                <td>
                  <Link to={`/villages/${p.region.shortCode}`}>{p.region.name}</Link>
                </td>
                <td>{te('ProjectStatus', p.status)}</td>
                <td className="number">{formatYuan(p.budget.yuan)}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {notice.supersessionChain.length > 1 && (
        <section aria-labelledby="chain-heading">
          <h2 id="chain-heading">{t('notice.chain')}</h2>
          <ol className="chain" data-testid="supersession-chain">
            {notice.supersessionChain.map((n) => (
              <li key={n.code} aria-current={n.code === notice.code ? 'true' : undefined}>
                {n.code === notice.code ? <strong>{n.title}</strong> : <Link to={`/notices/${encodeURIComponent(n.code)}`}>{n.title}</Link>}{' '}
                <span className="muted">
                  {n.code} · {n.publishedOn ?? '—'} · {te('NoticeStatus', n.status)}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {hasObjections && (
        <section aria-labelledby="objections-heading">
          <h2 id="objections-heading">{t('objections.title')}</h2>
          <Objections notice={notice.code} />
        </section>
      )}

      {canObject && notice.isOpenForObjections && (
        <section aria-labelledby="object-heading">
          <h2 id="object-heading">{t('objection.formTitle')}</h2>
          <ObjectionForm notice={notice.code} />
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        <p className="muted">{t('history.intro')}</p>
        <AuditHistory id={notice.id} />
      </section>

      <p className="cite">
        {t('record.cite')} <a href={`/n/${encodeURIComponent(notice.code)}`}>{`${location.origin}/n/${notice.code}`}</a>
      </p>
    </article>
  );
}
