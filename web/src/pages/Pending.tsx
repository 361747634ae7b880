import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';

/** Stands in for a section whose page is not written yet. */
export function Pending({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t('page.pending')}</p>
    </>
  );
}
