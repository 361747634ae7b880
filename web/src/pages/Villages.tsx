import { useState, type FormEvent } from 'react';
import { gql } from 'urql';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { RegionPicker } from '../components/RegionPicker';
import { useI18n } from '../i18n';
import { href, Link, navigate, useLocation } from '../router';
import { recordPathOf } from '../lib/codes';

const SearchQuery = gql<
  {
    regions: {
      totalCount: number;
      pageInfo: PageInfo;
      nodes: { shortCode: string; name: string; level: string; povertyStatus: string; ancestors: { name: string }[] }[];
    };
  },
  { search: string; after: string | null }
>`
  query VillageSearch($search: String!, $after: String) {
    regions(search: $search, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { shortCode name level povertyStatus ancestors { name } }
    }
  }
`;

/** Find a village (or any region): walk the tree, or search by name. */
export function Villages() {
  const { t, te } = useI18n();
  const { query } = useLocation();
  const search = query.get('search');
  const [region, setRegion] = useState<string | null>(null);
  const [text, setText] = useState(search ?? '');

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (region) navigate(`/villages/${region}`);
  };

  return (
    <>
      <h1>{t('nav.villages')}</h1>
      <p className="lead">{t('villages.intro')}</p>
      <form className="filters" onSubmit={open} aria-label={t('villages.walk')}>
        <RegionPicker value={region} onChange={setRegion} />
        <div className="actions">
          <button type="submit" className="primary" disabled={!region}>
            {t('villages.open')}
          </button>
        </div>
      </form>
      <form
        className="filters"
        role="search"
        aria-label={t('villages.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(recordPathOf(text) ?? href('/villages', { search: text.trim() }));
        }}
      >
        <div className="field field-wide">
          <label htmlFor="village-search">{t('villages.search')}</label>
          <input id="village-search" type="search" maxLength={100} value={text} placeholder={t('villages.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('filter.search')}
          </button>
        </div>
      </form>
      {search && (
        <PagedQuery query={SearchQuery} variables={{ search }}>
          {({ regions }, pager) => (
            <>
              {regions.nodes.length === 0 ? (
                <p>{t('villages.none')}</p>
              ) : (
                <ul className="record-list" data-testid="village-results">
                  {regions.nodes.map((r) => (
                    <li key={r.shortCode}>
                      <Link to={`/villages/${r.shortCode}`}>{r.name}</Link>
                      <div className="meta">
                        <span className="badge">{te('RegionLevel', r.level)}</span>
                        <span>{r.ancestors.map((a) => a.name).join(' › ')}</span>
                        <span className="code">{r.shortCode}</span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {pager(regions.pageInfo, regions.totalCount)}
            </>
          )}
        </PagedQuery>
      )}
    </>
  );
}
