import { gql } from 'urql';
import { ExportLinks } from '../components/ExportLinks';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { RegionPicker } from '../components/RegionPicker';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { formatYuan } from '../lib/format';
import { useUrlFilters } from '../lib/filters';
import { Link } from '../router';
import { FilterActions, SearchFilter, SelectFilter, yearFilterOptions } from '../components/FilterFields';

export const projectStatuses = ['IN_LIBRARY', 'APPROVED', 'IMPLEMENTING', 'ACCEPTED', 'CLOSED', 'CANCELLED'];
export const projectCategories = [
  'INDUSTRY', 'INFRASTRUCTURE', 'RELOCATION', 'EDUCATION', 'HEALTH', 'ECOLOGY', 'EMPLOYMENT', 'SOCIAL_SAFETY_NET', 'HOUSING', 'ASSET_INCOME', 'CONSUMPTION_AID',
];

interface Variables {
  region: string | null;
  year: number | null;
  status: string | null;
  category: string | null;
  search: string | null;
  overdue: string | null;
}

const ProjectsQuery = gql<
  {
    projects: {
      totalCount: number;
      pageInfo: PageInfo;
      nodes: { code: string; name: string; category: string; status: string; isOverdue: boolean; fiscalYear: number; budget: { yuan: string }; region: { shortCode: string; name: string } }[];
    };
  },
  Omit<Variables, 'overdue'> & { overdue: boolean | null; after: string | null }
>`
  query ProjectSearch($region: String, $year: Int, $status: ProjectStatus, $category: ProjectCategory, $overdue: Boolean, $search: String, $after: String) {
    projects(region: $region, year: $year, status: $status, category: $category, overdue: $overdue, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code name category status isOverdue fiscalYear budget { yuan } region { shortCode name } }
    }
  }
`;

const filterNames = ['region', 'year', 'status', 'category', 'overdue', 'search'] as const;

export function Projects() {
  const { t, te } = useI18n();
  const { applied, draft, update, submit, clear } = useUrlFilters('/projects', filterNames);

  return (
    <>
      <h1>{t('projects.title')}</h1>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('projects.filters')}>
        <RegionPicker value={draft.region} onChange={(region) => update({ region })} />
        <SelectFilter id="project-year" label={t('field.fiscalYear')} value={draft.year} options={yearFilterOptions()} onChange={(year) => update({ year })} />
        <SelectFilter id="project-status" label={t('field.status')} value={draft.status} options={projectStatuses.map((s) => ({ value: s, label: te('ProjectStatus', s) }))} onChange={(status) => update({ status })} />
        <SelectFilter id="project-category" label={t('field.category')} value={draft.category} options={projectCategories.map((c) => ({ value: c, label: te('ProjectCategory', c) }))} onChange={(category) => update({ category })} />
        <SelectFilter
          id="project-overdue"
          label={t('projects.overdueFilter')}
          value={draft.overdue}
          options={[
            { value: 'true', label: t('projects.overdueOnly') },
            { value: 'false', label: t('projects.notOverdue') },
          ]}
          onChange={(overdue) => update({ overdue })}
        />
        <SearchFilter id="project-search" label={t('projects.search')} value={draft.search} onChange={(search) => update({ search })} />
        <FilterActions onClear={clear} />
      </form>
      <PagedQuery
        query={ProjectsQuery}
        variables={{ ...applied, year: applied.year ? Number(applied.year) : null, overdue: applied.overdue === null ? null : applied.overdue === 'true' }}
      >
        {({ projects }, pager) => (
          <section aria-label={t('projects.results')} data-testid="project-results" data-total={projects.totalCount}>
            {projects.nodes.length === 0 ? (
              <p>{t('projects.none')}</p>
            ) : (
              <Table head={[t('field.name'), t('field.region'), t('field.fiscalYear'), t('field.category'), t('field.status'), t('field.budget')]}>
                {projects.nodes.map((p) => (
                  <tr key={p.code}>
                    <td>
                      <Link to={`/projects/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                      <div className="code">{p.code}</div>
                    </td>
                    <td>
                      <Link to={`/villages/${p.region.shortCode}`}>{p.region.name}</Link>
                    </td>
                    <td>{p.fiscalYear}</td>
                    <td>{te('ProjectCategory', p.category)}</td>
                    <td>
                      {te('ProjectStatus', p.status)} {p.isOverdue && <OverdueBadge />}
                    </td>
                    <td className="number">{formatYuan(p.budget.yuan)}</td>
                  </tr>
                ))}
              </Table>
            )}
            {pager(projects.pageInfo, projects.totalCount)}
          </section>
        )}
      </PagedQuery>
      <ExportLinks list="projects" filters={applied} />
    </>
  );
}

/** Past its planned end and not accepted (Project.isOverdue). */
export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-late" data-testid="project-overdue" title={t('projects.overdueMeaning')}>
      {t('projects.overdue')}
    </span>
  );
}
