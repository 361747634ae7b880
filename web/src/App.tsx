import { useRef, type ReactNode } from 'react';
import { ErrorBox } from './components/ErrorBox';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useI18n } from './i18n';
import type { MessageKey } from './i18n/zh';
import { Home } from './pages/Home';
import { Pending } from './pages/Pending';
import { Link, usePath } from './router';

const sections: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.home' },
  { path: '/notices', label: 'nav.notices' },
  { path: '/villages', label: 'nav.villages' },
  { path: '/needs', label: 'nav.needs' },
  { path: '/organisations', label: 'nav.organisations' },
  { path: '/data', label: 'nav.data' },
];

function isCurrent(section: string, path: string): boolean {
  return section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`);
}

function page(path: string): ReactNode {
  if (path === '/') return <Home />;
  const section = sections.find((s) => s.path === path);
  return section ? <Pending title={section.label} /> : <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('page.notFound')}</h1>;
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);

  return (
    <>
      <a
        className="skip-link"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/">OpenAid 公开扶贫</Link>
          <button
            type="button"
            className="lang-switch"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('lang.switch')}
          </button>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {sections.map((s) => (
              <li key={s.path}>
                <Link to={s.path} current={isCurrent(s.path, path)}>
                  {t(s.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main ref={main} tabIndex={-1}>
        <ErrorBoundary key={path} fallback={(message) => <ErrorBox title={t('page.crashed')} messages={[message]} />}>
          {page(path)}
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('footer.objection')}</p>
        <p>
          <a href="/graphiql">{t('footer.graphiql')}</a>
        </p>
      </footer>
    </>
  );
}
