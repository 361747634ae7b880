import { useRef, type ReactNode } from 'react';
import type { AnyVariables, TypedDocumentNode } from 'urql';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { Query } from './Query';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Cursor paging kept in the address: the 'after' cursor of each page turned is one value of `param` in the hash's
 * query (page 3 is …&after=A&after=B), so Back returns to the page before and a shared link opens the same page.
 * Changing a filter navigates to the filters alone, so the pages start over. A page with two lists gives each its
 * own `param`.
 */
export function useCursorPaging(param = 'after') {
  const { path, query } = useLocation();
  const cursors = query.getAll(param);
  const go = (next: string[]) => {
    const address = new URLSearchParams(query);
    address.delete(param);
    for (const cursor of next) address.append(param, cursor);
    navigate(`${path}?${address}`);
  };
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    next: (endCursor: string | null) => endCursor && go([...cursors, endCursor]),
    previous: () => go(cursors.slice(0, -1)),
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
  const nav = useRef<HTMLElement>(null);
  // The pager is below the list: turning a page brings the list's top into view.
  const turn = (to: () => void) => () => {
    to();
    (nav.current?.closest('section') ?? nav.current?.parentElement)?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="pager" aria-label={t('pager.label')} ref={nav}>
      <button type="button" disabled={paging.page <= 1} onClick={turn(paging.previous)}>
        {t('pager.previous')}
      </button>
      <span data-testid="pager-status">
        {tf('pager.status', { page: paging.page, total: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(totalCount) })}
      </span>
      <button type="button" disabled={!pageInfo.hasNextPage} onClick={turn(() => paging.next(pageInfo.endCursor))}>
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
  param,
  children,
}: {
  query: TypedDocumentNode<Data, Variables & { after: string | null }>;
  variables: Variables;
  /** The address's query parameter of this list's pages (see useCursorPaging). */
  param?: string;
  children: (data: Data, pager: (pageInfo: PageInfo, totalCount: number) => ReactNode) => ReactNode;
}) {
  const paging = useCursorPaging(param);
  return (
    <Query query={query} variables={{ ...variables, after: paging.after }}>
      {(data) => children(data, (pageInfo, totalCount) => (totalCount > 0 ? <Pager paging={paging} pageInfo={pageInfo} totalCount={totalCount} /> : null))}
    </Query>
  );
}
