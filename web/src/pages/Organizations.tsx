import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { useI18n } from '../i18n';
import { useUrlFilters } from '../lib/filters';
import { Link } from '../router';
import { FilterActions, SearchFilter, SelectFilter } from '../components/FilterFields';

export const organizationKinds = ['GOVERNMENT', 'STATE_OWNED_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'INDIVIDUAL_DONOR'];

const ProgramsQuery = gql<{
  programs: {
    nodes: {
      code: string;
      name: string;
      description: string;
      startYear: number;
      region: { shortCode: string; name: string } | null;
      members: { totalCount: number };
      pairings: { totalCount: number };
    }[];
  };
}>`
  query ProgramList {
    programs(first: 100) {
      nodes {
        code name description startYear
        region { shortCode name }
        members(first: 1) { totalCount }
        pairings(first: 1) { totalCount }
      }
    }
  }
`;

export const OrganizationsQuery = gql<
  { organizations: { totalCount: number; pageInfo: PageInfo; nodes: ListedOrganization[] } },
  { search: string | null; kind: string | null; program: string | null; after: string | null }
>`
  query OrganizationSearch($search: String, $kind: OrganizationKind, $program: String, $after: String) {
    organizations(search: $search, kind: $kind, program: $program, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code name kind place region { shortCode name } }
    }
  }
`;

const filterNames = ['search', 'kind'] as const;

/** Programs (万企帮万村, 粤桂扶贫协作 …) and the organisations behind the money and the pledges. */
export function Organizations() {
  const { t, te, tf } = useI18n();
  const { applied, draft, update, submit } = useUrlFilters('/organizations', filterNames);

  return (
    <>
      <h1>{t('nav.organisations')}</h1>
      <p className="lead">{t('organizations.intro')}</p>
      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">{t('organizations.programs')}</h2>
        <Query query={ProgramsQuery}>
          {({ programs }) => (
            <ul className="cards program-cards" data-testid="programs">
              {programs.nodes.map((p) => (
                <li key={p.code} className="card">
                  <Link to={`/programs/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                  <p className="muted">{p.description}</p>
                  <div className="meta">
                    <span>{tf('organizations.since', { year: p.startYear })}</span>
                    <span>{p.region ? p.region.name : t('organizations.national')}</span>
                    <span>{tf('organizations.memberCount', { count: p.members.totalCount })}</span>
                    <span>{tf('organizations.pairingCount', { count: p.pairings.totalCount })}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Query>
      </section>

      <section aria-labelledby="organizations-heading">
        <h2 id="organizations-heading">{t('organizations.all')}</h2>
        <form className="filters" role="search" onSubmit={submit} aria-label={t('organizations.filters')}>
          <SearchFilter id="organization-search" label={t('organizations.search')} value={draft.search} onChange={(search) => update({ search })} />
          <SelectFilter id="organization-kind" label={t('field.kind')} value={draft.kind} options={organizationKinds.map((k) => ({ value: k, label: te('OrganizationKind', k) }))} onChange={(kind) => update({ kind })} />
          <FilterActions submitLabel={t('filter.search')} />
        </form>
        <PagedQuery query={OrganizationsQuery} variables={{ ...applied, program: null }}>
          {({ organizations }, pager) => (
            <>
              <OrganizationList organizations={organizations.nodes} />
              {pager(organizations.pageInfo, organizations.totalCount)}
            </>
          )}
        </PagedQuery>
        <ExportLinks list="organizations" filters={applied} />
      </section>
    </>
  );
}

/** An organisation in a list: registered in a region of the five provinces, or at a place outside them. */
interface ListedOrganization {
  code: string;
  name: string;
  kind: string;
  place: string | null;
  region: { shortCode: string; name: string } | null;
}

export function OrganizationList({ organizations }: { organizations: ListedOrganization[] }) {
  const { t, te } = useI18n();
  if (organizations.length === 0) return <p>{t('organizations.none')}</p>;
  return (
    <ul className="record-list" data-testid="organizations">
      {organizations.map((o) => (
        <li key={o.code}>
          <Link to={`/organizations/${encodeURIComponent(o.code)}`}>{o.name}</Link>
          <div className="meta">
            <span className="badge">{te('OrganizationKind', o.kind)}</span>
            <span>{o.region?.name ?? o.place}</span>
            <span className="code">{o.code}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
