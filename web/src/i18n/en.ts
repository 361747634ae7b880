import type { MessageKey } from './zh';

export const en: Record<MessageKey, string> = {
  'app.title': 'OpenAid',
  'app.tagline': 'The public record of poverty-alleviation funds, projects, notices and needs',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.notices': 'Notices',
  'nav.villages': 'Villages',
  'nav.needs': 'Needs',
  'nav.organisations': 'Organisations & programs',
  'nav.data': 'Data',
  'lang.switch': '中文',
  'query.loading': 'Loading…',
  'query.error': 'Could not load the data',
  'query.retry': 'Retry',
  'page.crashed': 'Something went wrong on this page',
  'page.pending': 'This page is being built.',
  'page.notFound': 'Page not found.',
  'home.intro':
    'Look up where poverty-alleviation funds come from and go to, how projects progress, the public notices, and what villages need and what enterprises and social organisations pledge.',
  'time.beijing': ' (Beijing time)',
  'home.dataAsOf': 'Data as of',
  'footer.objection':
    'If something looks wrong, object to the notice or call the national poverty-alleviation hotline 12317.',
  'footer.graphiql': 'GraphQL API explorer (GraphiQL)',
};
