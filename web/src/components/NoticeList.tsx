import { gql } from 'urql';
import { useI18n } from '../i18n';
import { today } from '../lib/format';
import { Link } from '../router';

export const NoticeListFields = gql`
  fragment NoticeListFields on Notice {
    code
    title
    kind
    status
    publishedOn
    isLate
    workingDaysLate
    noticePeriodEndsOn
    region { shortCode name }
  }
`;

export interface NoticeListItem {
  code: string;
  title: string;
  kind: string;
  status: string;
  publishedOn: string | null;
  isLate: boolean;
  workingDaysLate: number;
  noticePeriodEndsOn: string | null;
  region: { shortCode: string; name: string };
}

export function NoticeList({ notices }: { notices: NoticeListItem[] }) {
  const { t, te, tf } = useI18n();
  const day = today();
  if (notices.length === 0) return <p data-testid="notice-list-empty">{t('notices.none')}</p>;
  return (
    <ul className="record-list" data-testid="notice-list">
      {notices.map((n) => (
        <li key={n.code} data-code={n.code}>
          <Link to={`/notices/${encodeURIComponent(n.code)}`}>{n.title}</Link>
          <div className="meta">
            <span className="badge">{te('NoticeKind', n.kind)}</span>
            {n.status !== 'PUBLISHED' && <span className="badge badge-warn">{te('NoticeStatus', n.status)}</span>}
            {n.isLate && <span className="badge badge-late">{tf('notice.lateBy', { days: n.workingDaysLate })}</span>}
            {n.status === 'PUBLISHED' && n.noticePeriodEndsOn && n.noticePeriodEndsOn >= day && (
              <span className="badge badge-open" data-testid="in-notice-period">
                {tf('notice.inPeriod', { end: n.noticePeriodEndsOn })}
              </span>
            )}
            <span>{n.publishedOn ?? '—'}</span>
            <span>{n.region.name}</span>
            <span className="code">{n.code}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
