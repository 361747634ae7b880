import { gql } from 'urql';
import { Query } from '../components/Query';
import { useI18n } from '../i18n';

const DataAsOf = gql<{ dataAsOf: string | null }>`
  query DataAsOf {
    dataAsOf
  }
`;

export function Home() {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <h1>{t('app.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <Query query={DataAsOf}>
        {({ dataAsOf }) => (
          <p className="data-as-of" data-testid="data-as-of">
            {t('home.dataAsOf')} {dataAsOf ? <time dateTime={dataAsOf}>{formatDateTime(dataAsOf)}</time> : '—'}
          </p>
        )}
      </Query>
    </>
  );
}
