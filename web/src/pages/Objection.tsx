import { useState, type FormEvent } from 'react';
import { gql } from 'urql';
import { Query } from '../components/Query';
import { Facts } from '../components/Table';
import { useI18n } from '../i18n';
import { formatCount, formatYuan } from '../lib/format';
import { recordPathOf } from '../lib/codes';
import { Link, navigate } from '../router';
import { NotFound } from './Notice';

// An objection or misuse report on its own page (#/objections/<code>, cited as /y/<code>): where it stands, the public
// answer, which unit gave it and when, how long it took. #/objections finds one by the code its filer was given.

interface ObjectionDetail {
  code: string;
  category: string;
  status: string;
  filedAt: string;
  description: string | null;
  descriptionHiddenReason: string | null;
  investigationStartedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  daysToRespond: number | null;
  isOverdue: boolean;
  region: { shortCode: string; name: string };
  notice: { code: string; title: string } | null;
  finding: string | null;
  moneyRecovered: { yuan: string; fen: number };
  measures: string[];
  correctingNotice: { code: string; title: string } | null;
}

const ObjectionQuery = gql<{ objection: ObjectionDetail | null }, { code: string }>`
  query ObjectionPage($code: String!) {
    objection(code: $code) {
      code category status filedAt description descriptionHiddenReason investigationStartedAt
      answer answeredAt answeredBy daysToRespond isOverdue
      region { shortCode name }
      notice { code title }
      finding moneyRecovered { yuan fen } measures
      correctingNotice { code title }
    }
  }
`;

/** #/objections: find an objection by its code. */
export function ObjectionLookup() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // What was pasted with spaces or in lower case still finds its record; anything else is looked up as given.
    const wanted = code.trim();
    if (wanted) navigate(recordPathOf(wanted) ?? `/objections/${encodeURIComponent(wanted)}`);
  };
  return (
    <>
      <h1>{t('objectionPage.lookupTitle')}</h1>
      <p className="lead">{t('objectionPage.lookupIntro')}</p>
      <form className="filters" role="search" onSubmit={submit} aria-label={t('objectionPage.lookupTitle')}>
        <div className="field">
          <label htmlFor="objection-code">{t('objectionPage.code')}</label>
          <input
            id="objection-code"
            value={code}
            maxLength={32}
            placeholder="YY-451022-2026-0001"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('objectionPage.find')}
          </button>
        </div>
      </form>
    </>
  );
}

export function ObjectionPage({ code }: { code: string }) {
  const { t, tf, te, formatDateTime, lang } = useI18n();
  return (
    <Query query={ObjectionQuery} variables={{ code }}>
      {({ objection: o }) =>
        !o ? (
          <NotFound what={t('objectionPage.notFound')} code={code} />
        ) : (
          <article data-testid="objection-page" data-code={o.code} data-status={o.status}>
            <p className="kicker">
              <span className="badge">{te('ObjectionCategory', o.category)}</span>{' '}
              <span className="badge">{te('ObjectionStatus', o.status)}</span>{' '}
              {o.isOverdue && <span className="badge badge-late">{t('reviewer.overdue')}</span>}
            </p>
            <h1>{tf(o.notice ? 'objectionPage.title' : 'objectionPage.misuseTitle', { code: o.code })}</h1>
            <Facts
              items={[
                [t('field.code'), <span className="code">{o.code}</span>],
                [
                  t('objectionPage.about'),
                  o.notice ? (
                    <Link to={`/notices/${encodeURIComponent(o.notice.code)}`}>{o.notice.title}</Link>
                  ) : (
                    t('objectionPage.noNotice')
                  ),
                ],
                [t('field.region'), <Link to={`/villages/${o.region.shortCode}`}>{o.region.name}</Link>],
                // A day only: the time of filing is never kept.
                [t('objectionPage.filedOn'), o.filedAt],
                [t('objectionPage.investigating'), o.investigationStartedAt && formatDateTime(o.investigationStartedAt)],
                [t('objectionPage.answeredBy'), o.answeredBy],
                [t('objectionPage.answeredAt'), o.answeredAt && formatDateTime(o.answeredAt)],
                [
                  t('objectionPage.took'),
                  o.daysToRespond === null
                    ? t('objectionPage.open')
                    : tf('objectionPage.days', { days: formatCount(o.daysToRespond, lang) }),
                ],
              ]}
            />
            <section aria-labelledby="objection-description">
              <h2 id="objection-description">{t('objection.description')}</h2>
              {o.description === null ? (
                <p className="muted">
                  {t('objections.hidden')} {o.descriptionHiddenReason}
                </p>
              ) : (
                <p>{o.description}</p>
              )}
            </section>
            <section aria-labelledby="objection-answer">
              <h2 id="objection-answer">{t(o.status === 'REJECTED' ? 'objectionPage.rejection' : 'objectionPage.answer')}</h2>
              {o.answer ? <p data-testid="objection-answer">{o.answer}</p> : <p className="muted">{t('objectionPage.noAnswer')}</p>}
            </section>
            {o.status === 'ANSWERED' && (
              <section aria-labelledby="objection-outcome" data-testid="objection-outcome">
                <h2 id="objection-outcome">{t('objectionPage.outcome')}</h2>
                <Facts
                  items={[
                    [
                      t('objectionPage.finding'),
                      <span data-testid="objection-finding">
                        {o.finding ? te('ObjectionFinding', o.finding) : t('objectionPage.noFinding')}
                      </span>,
                    ],
                    [
                      t('objectionPage.moneyRecovered'),
                      <span data-testid="objection-money">{o.moneyRecovered.fen > 0 ? formatYuan(o.moneyRecovered.yuan) : '—'}</span>,
                    ],
                    [
                      t('objectionPage.measures'),
                      <span data-testid="objection-measures">
                        {o.measures.length ? o.measures.map((m) => te('ObjectionMeasure', m)).join(lang === 'zh' ? '、' : ', ') : '—'}
                      </span>,
                    ],
                    [
                      t('objectionPage.correctingNotice'),
                      o.correctingNotice ? (
                        <span data-testid="objection-correcting-notice" data-code={o.correctingNotice.code}>
                          <Link to={`/notices/${encodeURIComponent(o.correctingNotice.code)}`}>{o.correctingNotice.title}</Link>
                        </span>
                      ) : (
                        '—'
                      ),
                    ],
                  ]}
                />
              </section>
            )}
            <p className="cite">
              {t('record.cite')} <a href={`/y/${encodeURIComponent(o.code)}`}>{`${location.origin}/y/${o.code}`}</a>
            </p>
          </article>
        )
      }
    </Query>
  );
}
