import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { NoticeList, NoticeListFields, type NoticeListItem } from '../components/NoticeList';
import { Pager, useCursorPaging, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { RegionPicker } from '../components/RegionPicker';
import { useI18n } from '../i18n';
import { useUrlFilters } from '../lib/filters';
import { FilterActions, SearchFilter, SelectFilter, yearFilterOptions } from '../components/FilterFields';

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

const kinds = ['FUND', 'PROJECT', 'PLEDGE', 'EXIT', 'POLICY'];

const filterNames = ['region', 'year', 'kind', 'search', 'late'] as const;

export function Notices() {
  const { t, te } = useI18n();
  const { applied, draft, update, submit, clear } = useUrlFilters('/notices', filterNames);
  const paging = useCursorPaging();

  return (
    <>
      <h1>{t('nav.notices')}</h1>
      <p className="lead">{t('notices.intro')}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('notices.filters')}>
        <RegionPicker value={draft.region} onChange={(region) => update({ region })} />
        <SelectFilter id="notice-year" label={t('filter.year')} value={draft.year} options={yearFilterOptions()} onChange={(year) => update({ year })} />
        <SelectFilter id="notice-kind" label={t('field.kind')} value={draft.kind} options={kinds.map((k) => ({ value: k, label: te('NoticeKind', k) }))} onChange={(kind) => update({ kind })} />
        <SelectFilter
          id="notice-late"
          label={t('notices.timeliness')}
          value={draft.late}
          options={[
            { value: 'true', label: t('notices.lateOnly') },
            { value: 'false', label: t('notices.onTimeOnly') },
          ]}
          onChange={(late) => update({ late })}
        />
        <SearchFilter id="notice-search" label={t('notices.search')} value={draft.search} placeholder={t('notices.searchPlaceholder')} onChange={(search) => update({ search })} />
        <FilterActions onClear={clear} />
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
