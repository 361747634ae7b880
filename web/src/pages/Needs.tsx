import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { NeedList, NeedListFields, type NeedListItem } from '../components/NeedList';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { RegionPicker } from '../components/RegionPicker';
import { useI18n } from '../i18n';
import { useUrlFilters } from '../lib/filters';
import { useHasField } from '../lib/schema';
import { grantsOf, useAuth } from '../lib/auth';
import { Query } from '../components/Query';
import { Pending } from './Pending';
import { FilterActions, SearchFilter, SelectFilter } from '../components/FilterFields';

export const needCategories = ['EDUCATION', 'MEDICAL', 'HOUSING', 'INDUSTRY', 'JOBS', 'SKILLS_TRAINING', 'DAILY_NECESSITIES', 'INFRASTRUCTURE', 'PRODUCT_PURCHASE'];
const publicStatuses = ['OPEN', 'PARTLY_PLEDGED', 'FULLY_PLEDGED', 'FULFILLED', 'CLOSED', 'EXPIRED'];

const NeedsQuery = gql<
  { needs: { totalCount: number; pageInfo: PageInfo; nodes: NeedListItem[] } },
  { region: string | null; category: string | null; status: string | null; search: string | null; after: string | null }
>`
  query NeedSearch($region: String, $category: NeedCategory, $status: NeedStatus, $search: String, $after: String) {
    needs(region: $region, category: $category, status: $status, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...NeedListFields }
    }
  }
  ${NeedListFields}
`;

const SuggestedNeedsQuery = gql<
  { suggestedNeeds: { rank: number; reason: string; need: NeedListItem }[] },
  { organization: string }
>`
  query SuggestedNeeds($organization: String!) {
    suggestedNeeds(organization: $organization, first: 5) {
      rank
      reason
      need { ...NeedListFields }
    }
  }
  ${NeedListFields}
`;

const filterNames = ['region', 'category', 'status', 'search'] as const;

/** Village needs that reviewers approved, with what is pledged and what arrived. */
export function Needs() {
  const hasNeeds = useHasField('Query', 'needs');
  if (hasNeeds === false) return <Pending title="nav.needs" />;
  if (hasNeeds === undefined) return null;
  return (
    <>
      <NeedSearch />
      <Suggestions />
    </>
  );
}

/** For a signed-in donor: the open needs the API suggests to its organisation. */
function Suggestions() {
  const { session } = useAuth();
  const hasSuggestions = useHasField('Query', 'suggestedNeeds');
  const { t, tf } = useI18n();
  const organization = grantsOf(session, 'Donor')[0]?.organization;
  if (!hasSuggestions || !organization) return null;
  return (
    <section aria-label={t('needs.suggested')} data-testid="suggested-needs">
      <h2>{tf('needs.suggestedFor', { org: organization })}</h2>
      <Query query={SuggestedNeedsQuery} variables={{ organization }}>
        {({ suggestedNeeds }) => <NeedList needs={suggestedNeeds.map((s) => s.need)} />}
      </Query>
    </section>
  );
}

function NeedSearch() {
  const { t, te } = useI18n();
  const { applied, draft, update, submit, clear } = useUrlFilters('/needs', filterNames);
  return (
    <>
      <h1>{t('nav.needs')}</h1>
      <p className="lead">{t('needs.intro')}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('needs.filters')}>
        <RegionPicker value={draft.region} onChange={(region) => update({ region })} />
        <SelectFilter id="need-category" label={t('field.category')} value={draft.category} options={needCategories.map((c) => ({ value: c, label: te('NeedCategory', c) }))} onChange={(category) => update({ category })} />
        <SelectFilter id="need-status" label={t('field.status')} value={draft.status} options={publicStatuses.map((s) => ({ value: s, label: te('NeedStatus', s) }))} onChange={(status) => update({ status })} />
        <SearchFilter id="need-search" label={t('needs.search')} value={draft.search} onChange={(search) => update({ search })} />
        <FilterActions onClear={clear} />
      </form>
      <PagedQuery query={NeedsQuery} variables={applied}>
        {({ needs }, pager) => (
          <section aria-label={t('needs.results')} data-testid="need-results" data-total={needs.totalCount}>
            <NeedList needs={needs.nodes} />
            {pager(needs.pageInfo, needs.totalCount)}
          </section>
        )}
      </PagedQuery>
      <ExportLinks list="needs" filters={applied} />
    </>
  );
}
