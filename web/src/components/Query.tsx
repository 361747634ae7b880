import { useMemo, type ReactNode } from 'react';
import { useQuery, type AnyVariables, type DocumentInput, type UseQueryArgs } from 'urql';
import { useI18n } from '../i18n';
import { ErrorBox } from './ErrorBox';
import { useErrorText } from './Errors';

interface QueryProps<Data, Variables extends AnyVariables> {
  query: DocumentInput<Data, Variables>;
  variables?: Variables;
  /**
   * Record types whose mutations should refetch this query even when its answer holds none of them yet (an empty
   * list): urql's document cache only knows the types it has seen in the answer.
   */
  refetchOn?: string[];
  children: (data: Data) => ReactNode;
}

/** Runs a query and renders its data, a loading line, or an error box with a retry button. */
export function Query<Data, Variables extends AnyVariables = AnyVariables>({
  query,
  variables,
  refetchOn,
  children,
}: QueryProps<Data, Variables>) {
  const { t } = useI18n();
  const { describeAll } = useErrorText();
  const typenames = refetchOn?.join(',');
  const context = useMemo(() => (typenames ? { additionalTypenames: typenames.split(',') } : undefined), [typenames]);
  const [result, reexecute] = useQuery({ query, variables, context } as UseQueryArgs<Variables, Data>);

  if (result.fetching && !result.data) return <Loading />;
  return (
    <>
      {result.error && (
        <ErrorBox
          title={t('query.error')}
          messages={describeAll(result.error)}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
      {result.data && children(result.data)}
    </>
  );
}

/** The line shown while something loads: a query's answer, or a page's code. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('query.loading')}
    </p>
  );
}
