import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { Pager, useCursorPaging, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { RegionPicker } from '../components/RegionPicker';
import { useI18n } from '../i18n';
import { yearOptions } from '../lib/format';
import { useUrlFilters } from '../lib/filters';

interface Variables {
  region: string | null;
  year: number | null;
  kind: string | null;
  search: string | null;
  late: boolean | null;
  after: string | null;
}

const NoticesQuery = gql<{ notices: { totalCount: number; pageInfo: PageInfo; nodes: NoticeListItem[] } }, Variables>`
  query NoticeSearch($region: String, $year: Int, $kind: NoticeKind, $search: String, $late: Boolean, $after: String) {
    notices(region: $region, year: $year, kind: $kind, search: $search, late: $late, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...NoticeListFields }
    }
  }
  ${NoticeListFields}
`;

const kinds = ['FUND', 'PROJECT', 'PLEDGE', 'EXIT'];

const filterNames = ['region', 'year', 'kind', 'search', 'late'] as const;

export function Notices() {
  const { t, te } = useI18n();
  const { applied, draft, update, submit, clear } = useUrlFilters('/notices', filterNames);
  const paging = useCursorPaging(JSON.stringify(applied));

  return (
    <>
      <h1>{t('nav.notices')}</h1>
      <p className="lead">{t('notices.intro')}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('notices.filters')}>
        <RegionPicker value={draft.region} onChange={(region) => update({ region })} />
        <div className="field">
          <label htmlFor="notice-year">{t('filter.year')}</label>
          <select id="notice-year" value={draft.year ?? ''} onChange={(e) => update({ year: e.target.value || null })}>
            <option value="">{t('filter.any')}</option>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notice-kind">{t('field.kind')}</label>
          <select id="notice-kind" value={draft.kind ?? ''} onChange={(e) => update({ kind: e.target.value || null })}>
            <option value="">{t('filter.any')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {te('NoticeKind', k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notice-late">{t('notices.timeliness')}</label>
          <select id="notice-late" value={draft.late ?? ''} onChange={(e) => update({ late: e.target.value || null })}>
            <option value="">{t('filter.any')}</option>
            <option value="true">{t('notices.lateOnly')}</option>
            <option value="false">{t('notices.onTimeOnly')}</option>
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor="notice-search">{t('notices.search')}</label>
          <input
            id="notice-search"
            type="search"
            maxLength={100}
            value={draft.search ?? ''}
            placeholder={t('notices.searchPlaceholder')}
            onChange={(e) => update({ search: e.target.value || null })}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('filter.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('filter.clear')}
          </button>
        </div>
      </form>

      <Query
        query={NoticesQuery}
        variables={{
          region: applied.region,
          year: applied.year ? Number(applied.year) : null,
          kind: applied.kind,
          search: applied.search,
          late: applied.late === null ? null : applied.late === 'true',
          after: paging.after,
        }}
      >
        {({ notices }) => (
          <section aria-label={t('notices.results')} data-testid="notice-results" data-total={notices.totalCount}>
            <NoticeList notices={notices.nodes} />
            <Pager paging={paging} pageInfo={notices.pageInfo} totalCount={notices.totalCount} />
          </section>
        )}
      </Query>
      <ExportLinks list="notices" filters={applied} />
    </>
  );
}
