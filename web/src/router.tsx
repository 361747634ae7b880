import { useEffect, useState, type ReactNode } from 'react';

// A tiny hash router: routes live after '#' (e.g. /#/notices), so the API host only has to serve
// index.html at '/' and every address stays citable.

function currentPath(): string {
  const path = location.hash.slice(1).split('?')[0];
  return path.startsWith('/') ? path : '/';
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => {
      setPath(currentPath());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

export function Link({ to, current, children }: { to: string; current?: boolean; children: ReactNode }) {
  return (
    <a href={`#${to}`} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
