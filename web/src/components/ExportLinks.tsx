import { useI18n } from '../i18n';

/** Links to a list's CSV and NDJSON exports with the filters the page shows (see /export). */
export function ExportLinks({ list, filters }: { list: string; filters: Record<string, string | null | undefined> }) {
  const { t } = useI18n();
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
      </a>
    </p>
  );
}
