import { useEffect, useState } from 'react';
import { AuditCheck } from '../components/AuditCheck';
import { ErrorBox } from '../components/ErrorBox';
import { RegionPicker } from '../components/RegionPicker';
import { Table } from '../components/Table';
import { xlsxHref } from '../components/ExportLinks';
import { useI18n } from '../i18n';
import { SelectFilter, yearFilterOptions } from '../components/FilterFields';
import { href, navigate, useLocation } from '../router';

interface ExportIndex {
  license: { name: string; url: string };
  lists: {
    name: string;
    description: string;
    graphQLField: string;
    csv: string;
    ndjson: string;
    xlsx: string;
    filters: { name: string; type: string; description: string | null }[];
    columns: { name: string; header: { zh: string; en: string }; type: string; nullable: boolean; description: string; values?: string[] }[];
  }[];
}

/** The export index the API serves at /export: every list with its filters and documented columns. */
function useExportIndex() {
  const [state, setState] = useState<{ index: ExportIndex | null; error: string | null; attempt: number }>({ index: null, error: null, attempt: 0 });
  useEffect(() => {
    let cancelled = false;
    fetch('/export', { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return (await response.json()) as ExportIndex;
      })
      .then((index) => !cancelled && setState((s) => ({ ...s, index, error: null })))
      .catch((error: unknown) => !cancelled && setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) })));
    return () => {
      cancelled = true;
    };
  }, [state.attempt]);
  return { ...state, retry: () => setState((s) => ({ index: null, error: null, attempt: s.attempt + 1 })) };
}

/** For reporters: downloads with the chosen filters, the full dump, the changes feed and the API. */
export function Data() {
  const { t, te, tf, lang } = useI18n();
  const { query } = useLocation();
  const region = query.get('region');
  const year = query.get('year');
  const { index, error, retry } = useExportIndex();

  return (
    <>
      <h1>{t('data.title')}</h1>
      <p className="lead">{t('data.intro')}</p>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t('data.downloads')}</h2>
        <p>{t('data.filtersIntro')}</p>
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('data.filters')}>
          <RegionPicker value={region} onChange={(code) => navigate(href('/data', { region: code, year }))} />
          <SelectFilter
            id="data-year"
            label={t('filter.year')}
            value={year}
            options={yearFilterOptions()}
            onChange={(choice) => navigate(href('/data', { region, year: choice ?? '' }))}
          />
        </form>
        {error && <ErrorBox title={t('query.error')} messages={[error]} onRetry={retry} />}
        {!index && !error && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('query.loading')}
          </p>
        )}
        {index && (
          <Table head={[t('data.list'), t('data.description'), t('data.download')]} testId="export-lists">
            {index.lists.map((list) => {
              const applied = list.filters.filter((f) => (f.name === 'region' && region) || (f.name === 'year' && year)).map((f) => f.name);
              const params = new URLSearchParams();
              if (applied.includes('region') && region) params.set('region', region);
              if (applied.includes('year') && year) params.set('year', year);
              const suffix = params.toString() ? `?${params}` : '';
              return (
                <tr key={list.name} data-list={list.name}>
                  <th scope="row">
                    <code>{list.name}</code>
                  </th>
                  <td>
                    {te('ExportList', list.name) === list.name ? list.description : te('ExportList', list.name)}
                    <details>
                      <summary>{tf('data.columns', { count: list.columns.length })}</summary>
                      <ul className="columns">
                        {list.columns.map((c) => (
                          <li key={c.name}>
                            <code>{c.name}</code> {c.header[lang]} <span className="muted">({c.type})</span> {c.description}
                            {c.values && <span className="muted"> [{c.values.join(', ')}]</span>}
                          </li>
                        ))}
                      </ul>
                      <p className="muted">
                        {t('data.filterNames')} {list.filters.map((f) => f.name).join(', ') || '—'}
                      </p>
                    </details>
                  </td>
                  <td className="downloads">
                    <a href={`${list.csv}${suffix}`} download>
                      CSV
                    </a>{' '}
                    ·{' '}
                    <a href={`${list.ndjson}${suffix}`} download>
                      NDJSON
                    </a>{' '}
                    ·{' '}
                    <a href={xlsxHref(list.xlsx, params, lang)} download title={t('export.xlsxTitle')}>
                      XLSX
                    </a>
                    {applied.length > 0 && <div className="muted">{tf('data.filtered', { filters: applied.join(', ') })}</div>}
                  </td>
                </tr>
              );
            })}
          </Table>
        )}
        <p className="muted">{t('data.formats')}</p>
      </section>

      <section aria-labelledby="dump-heading">
        <h2 id="dump-heading">{t('data.dump')}</h2>
        <p>{t('data.dumpIntro')}</p>
        <p>
          <a href="/export/dump.zip" download data-testid="dump-link">
            {t('data.dumpLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t('data.changes')}</h2>
        <p>{t('data.changesIntro')}</p>
        <pre className="sample">{`GET /export/changes.ndjson?after=<sequence>

query {
  changes(after: "<sequence>", first: 100) {
    pageInfo { hasNextPage endCursor }
    nodes { sequence at entityType id operation }
  }
}`}</pre>
        <p>
          <a href="/export/changes.ndjson" download>
            changes.ndjson
          </a>
        </p>
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <AuditCheck />
      </section>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">{t('data.api')}</h2>
        <p>{t('data.apiIntro')}</p>
        <p>
          <a href="/graphiql" data-testid="graphiql-link">
            {t('footer.graphiql')}
          </a>{' '}
          · <code>/graphql</code> · <a href="/export">/export</a>
        </p>
      </section>

      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">{t('data.cite')}</h2>
        <p>{t('data.citeIntro')}</p>
        <ul>
          <li>
            <code>/n/&lt;{t('data.noticeNumber')}&gt;</code> → {t('data.noticePage')}
          </li>
          <li>
            <code>/p/&lt;{t('data.projectCode')}&gt;</code> → {t('data.projectPage')}
          </li>
          <li>
            <code>/v/&lt;{t('data.regionCode')}&gt;</code> → {t('data.villagePage')}
          </li>
          <li>
            <code>/o/&lt;{t('data.organizationCode')}&gt;</code> → {t('data.organizationPage')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="license-heading">
        <h2 id="license-heading">{t('data.license')}</h2>
        <p>
          {t('data.licenseIntro')}{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="license noreferrer" target="_blank">
            CC BY 4.0
          </a>
        </p>
        <p className="muted">{t('data.demoWarning')}</p>
      </section>
    </>
  );
}
