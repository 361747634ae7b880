import { lazy, Suspense, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { ErrorBox } from './components/ErrorBox';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Query';
import { SignIn } from './components/SignIn';
import { gql, useQuery } from 'urql';
import { useI18n } from './i18n';
import type { MessageKey } from './i18n/zh';
import { Data } from './pages/Data';
import { FundPage } from './pages/Fund';
import { Home } from './pages/Home';
import { NoticePage } from './pages/Notice';
import { Notices } from './pages/Notices';
import { OrganizationPage } from './pages/Organization';
import { Organizations } from './pages/Organizations';
import { NeedPage } from './pages/Need';
import { ObjectionLookup, ObjectionPage } from './pages/Objection';
import { Needs } from './pages/Needs';
import { ProgramPage } from './pages/Program';
import { ProjectPage } from './pages/Project';
import { Projects } from './pages/Projects';
import { Reports } from './pages/Reports';
import { VillagePage } from './pages/Village';
import { Villages } from './pages/Villages';
import { Link, pathParam, usePath } from './router';
import { useAuth } from './lib/auth';
import { adminPath, publisherPath, redactionsPath } from './pages/work/paths';
import { Workspaces } from './pages/work/Workspaces';

// The workspaces load when one is opened: readers, most visitors, never download them.
const PublisherWorkspace = lazy(() => import('./publisher/Workspace').then((m) => ({ default: m.PublisherWorkspace })));
const AdminWorkspace = lazy(() => import('./pages/work/admin/Admin').then((m) => ({ default: m.AdminWorkspace })));
const ReviewerWorkspace = lazy(() => import('./pages/work/Reviewer').then((m) => ({ default: m.ReviewerWorkspace })));
const DonorWorkspace = lazy(() => import('./pages/work/Donor').then((m) => ({ default: m.DonorWorkspace })));
const AuditorWorkspace = lazy(() => import('./pages/work/Auditor').then((m) => ({ default: m.AuditorWorkspace })));
const RedactionsPage = lazy(() => import('./pages/work/Redactions').then((m) => ({ default: m.RedactionsPage })));

const sections: { path: string; label: MessageKey; also?: string[] }[] = [
  { path: '/', label: 'nav.home' },
  { path: '/notices', label: 'nav.notices', also: ['/funds'] },
  { path: '/projects', label: 'nav.projects' },
  { path: '/villages', label: 'nav.villages' },
  { path: '/needs', label: 'nav.needs' },
  { path: '/organizations', label: 'nav.organisations', also: ['/programs'] },
  { path: '/reports', label: 'nav.reports' },
  { path: '/data', label: 'nav.data' },
];

function within(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function isCurrent(section: (typeof sections)[number], path: string): boolean {
  return section.path === '/' ? path === '/' : [section.path, ...(section.also ?? [])].some((p) => within(p, path));
}

/** Record pages by path prefix; each has a stable address: #/notices/<code>, #/villages/<code> … */
const recordPages: [string, (code: string) => ReactNode][] = [
  ['/notices/', (code) => <NoticePage code={code} />],
  ['/villages/', (code) => <VillagePage code={code} />],
  ['/projects/', (code) => <ProjectPage code={code} />],
  ['/funds/', (code) => <FundPage code={code} />],
  ['/organizations/', (code) => <OrganizationPage code={code} />],
  ['/programs/', (code) => <ProgramPage code={code} />],
  ['/needs/', (code) => <NeedPage code={code} />],
  ['/objections/', (code) => <ObjectionPage code={code} />],
];

const listPages: Record<string, () => ReactNode> = {
  '/': () => <Home />,
  '/notices': () => <Notices />,
  '/villages': () => <Villages />,
  '/needs': () => <Needs />,
  '/organizations': () => <Organizations />,
  '/projects': () => <Projects />,
  '/data': () => <Data />,
  '/reports': () => <Reports />,
  '/objections': () => <ObjectionLookup />,
  '/work': () => <Workspaces />,
  '/work/reviewer': () => <ReviewerWorkspace />,
  '/work/donor': () => <DonorWorkspace />,
  '/work/auditor': () => <AuditorWorkspace />,
  [redactionsPath]: () => <RedactionsPage />,
};

function page(path: string): ReactNode {
  const list = listPages[path];
  if (list) return list();
  if (within(publisherPath, path)) return <PublisherWorkspace path={path} />;
  if (within(adminPath, path)) return <AdminWorkspace path={path} />;
  for (const [prefix, render] of recordPages) {
    const code = pathParam(path, prefix);
    if (code) return render(code);
  }
  return <NotFound />;
}

/**
 * The window's title names the page: its first heading, then the site, so that tabs, history and bookmarks tell
 * pages apart. Record pages get their heading once their record has loaded, so the title follows the heading.
 */
function usePageTitle(main: RefObject<HTMLElement | null>, site: string) {
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent?.trim();
      const title = heading && heading !== site ? `${heading} · ${site}` : site;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, site]);
}

const HoldsDemoData = gql<{ holdsDemoData: boolean }>`
  query HoldsDemoData {
    holdsDemoData
  }
`;

/** Said on every page while the database holds generated records, so that nobody takes them for real ones. */
function DemoBanner() {
  const { t } = useI18n();
  const [result] = useQuery({ query: HoldsDemoData });
  if (!result.data?.holdsDemoData) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      <span className="badge badge-demo">{t('record.demo')}</span> {t('app.demoBanner')}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('page.notFound')}</h1>;
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const { session } = useAuth();
  usePageTitle(main, t('app.title'));

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
          <SignIn />
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {sections.map((s) => (
              <li key={s.path}>
                <Link to={s.path} current={isCurrent(s, path)}>
                  {t(s.label)}
                </Link>
              </li>
            ))}
            {session && (
              <li>
                <Link to="/work" current={within('/work', path)}>
                  {t('work.nav')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <DemoBanner />
      </header>
      <main ref={main} tabIndex={-1}>
        <ErrorBoundary key={path} fallback={(message) => <ErrorBox title={t('page.crashed')} messages={[message]} />}>
          <Suspense fallback={<Loading />}>{page(path)}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {t('footer.objection')} <Link to="/objections">{t('objectionPage.lookupTitle')}</Link>
        </p>
        <p>
          <a href="/graphiql">{t('footer.graphiql')}</a> · <Link to="/data">{t('nav.data')}</Link> · {t('footer.license')}
        </p>
      </footer>
    </>
  );
}
