import { useEffect, useState, type ReactNode } from 'react';

// A tiny hash router: routes live after '#' (e.g. /#/notices/GS-451021-2019-0031), so the API host only has to serve
// index.html at '/' and every address stays citable. Filters go in the hash's query string
// (/#/notices?region=451021&year=2019), so a filtered list can be bookmarked and shared too.

interface HashLocation {
  path: string;
  query: URLSearchParams;
}

function currentLocation(): HashLocation {
  const hash = location.hash.slice(1);
  const mark = hash.indexOf('?');
  const path = mark < 0 ? hash : hash.slice(0, mark);
  return {
    path: path.startsWith('/') ? path : '/',
    query: new URLSearchParams(mark < 0 ? '' : hash.slice(mark + 1)),
  };
}

export function useLocation(): HashLocation {
  const [current, setCurrent] = useState(currentLocation);
  useEffect(() => {
    const update = () =>
      setCurrent((previous) => {
        const next = currentLocation();
        if (next.path !== previous.path) window.scrollTo(0, 0);
        return next;
      });
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return current;
}

export function usePath(): string {
  return useLocation().path;
}

/** The path with a query string of the non-empty values, e.g. href('/notices', { year: '2019' }). */
export function href(path: string, query: Record<string, string | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function navigate(to: string) {
  location.hash = to;
}

/** A segment of a path, decoded: '/notices/GS-1' with prefix '/notices/' gives 'GS-1'. */
export function pathParam(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix) || path.length === prefix.length) return null;
  const rest = path.slice(prefix.length);
  return rest.includes('/') ? null : decodeURIComponent(rest);
}

export function Link({
  to,
  current,
  className,
  children,
}: {
  to: string;
  current?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={`#${to}`} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
