import { gql } from 'urql';
import { useI18n } from '../i18n';
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
  region: { shortCode: string; name: string };
}

export function NoticeList({ notices }: { notices: NoticeListItem[] }) {
  const { t, te, tf } = useI18n();
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
            <span>{n.publishedOn ?? '—'}</span>
            <span>{n.region.name}</span>
            <span className="code">{n.code}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
