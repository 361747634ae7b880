import { useI18n, type Lang } from '../i18n';

/**
 * The address of an XLSX export: the same filters, plus the reader's language for the header row (lang=zh|en), so
 * that a spreadsheet opened from the web app is headed in the language the page is read in. CSV and NDJSON links
 * keep the column names, which scripts rely on.
 */
export function xlsxHref(path: string, params: URLSearchParams, lang: Lang) {
  const withLang = new URLSearchParams(params);
  withLang.set('lang', lang);
  return `${path}?${withLang}`;
}

/** Links to a list's CSV, NDJSON and XLSX exports with the filters the page shows (see /export). */
export function ExportLinks({ list, filters }: { list: string; filters: Record<string, string | null | undefined> }) {
  const { t, lang } = useI18n();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  const query = params.toString() ? `?${params}` : '';
  return (
    <p className="export-links" data-testid={`export-${list}`}>
      {t('export.download')}{' '}
      <a href={`/export/${list}.csv${query}`} download>
        CSV
      </a>{' '}
      ·{' '}
      <a href={`/export/${list}.ndjson${query}`} download>
        NDJSON
      </a>{' '}
      ·{' '}
      <a href={xlsxHref(`/export/${list}.xlsx`, params, lang)} download title={t('export.xlsxTitle')}>
        XLSX
      </a>
    </p>
  );
}
