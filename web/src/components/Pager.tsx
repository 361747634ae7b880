import { useState, type ReactNode } from 'react';
import type { AnyVariables, TypedDocumentNode } from 'urql';
import { useI18n } from '../i18n';
import { Query } from './Query';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Cursor paging state for a list: the 'after' cursor of the current page, and moving forward and back. The pages
 * start over whenever `resetKey` (e.g. the filters) changes.
 */
export function useCursorPaging(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor: string | null) => setState({ key: resetKey, cursors: [...cursors, endCursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

export function Pager({
  paging,
  pageInfo,
  totalCount,
}: {
  paging: ReturnType<typeof useCursorPaging>;
  pageInfo: PageInfo;
  totalCount: number;
}) {
  const { t, tf, lang } = useI18n();
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={paging.page <= 1} onClick={paging.previous}>
        {t('pager.previous')}
      </button>
      <span data-testid="pager-status">
        {tf('pager.status', { page: paging.page, total: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(totalCount) })}
      </span>
      <button type="button" disabled={!pageInfo.hasNextPage} onClick={() => paging.next(pageInfo.endCursor)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}

/**
 * A query for one page of a list, with a pager: the query takes the given variables and an 'after' cursor. The
 * child gets the data and a function that renders the pager for the list's pageInfo and totalCount.
 */
export function PagedQuery<Data, Variables extends AnyVariables>({
  query,
  variables,
  children,
}: {
  query: TypedDocumentNode<Data, Variables & { after: string | null }>;
  variables: Variables;
  children: (data: Data, pager: (pageInfo: PageInfo, totalCount: number) => ReactNode) => ReactNode;
}) {
  const paging = useCursorPaging(JSON.stringify(variables));
  return (
    <Query query={query} variables={{ ...variables, after: paging.after }}>
      {(data) => children(data, (pageInfo, totalCount) => (totalCount > 0 ? <Pager paging={paging} pageInfo={pageInfo} totalCount={totalCount} /> : null))}
    </Query>
  );
}
