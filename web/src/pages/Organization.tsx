import { gql } from 'urql';
import { Query } from '../components/Query';
import { FiguresCards, FiguresChart, PledgeFiguresFields, type PledgeFigures } from '../components/Scorecard';
import { RegionTrail, type TrailRegion } from '../components/RegionTrail';
import { Facts } from '../components/Table';
import { useI18n } from '../i18n';
import { useHasField } from '../lib/schema';
import { AuditHistory } from '../components/AuditHistory';
import { Link } from '../router';
import { NotFound } from './Notice';
import { PlacesHelped } from './WhoHelps';

interface OrganizationDetail {
  code: string;
  name: string;
  kind: string;
  creditCode: string | null;
  description: string | null;
  id: string;
  isDemo: boolean;
  /** Null for an organisation registered outside the provinces OpenAid holds: then place says where. */
  region: (TrailRegion & { ancestors: TrailRegion[] }) | null;
  place: string | null;
  programs: { code: string; name: string; startYear: number }[];
}

const OrganizationQuery = gql<{ organization: OrganizationDetail | null }, { code: string }>`
  query OrganizationPage($code: String!) {
    organization(code: $code) {
      id code name kind creditCode description isDemo place
      region { shortCode name ancestors { shortCode name } }
      programs { code name startYear }
    }
  }
`;

const ScorecardQuery = gql<
  { organizationScorecard: { total: PledgeFigures; byYear: { year: number | null; figures: PledgeFigures }[] } | null },
  { code: string }
>`
  query OrganizationScorecard($code: String!) {
    organizationScorecard(organization: $code) {
      total { ...PledgeFiguresFields }
      byYear { year figures { ...PledgeFiguresFields } }
    }
  }
  ${PledgeFiguresFields}
`;

/** What the organisation pledged and what the villages confirmed they received (its public scorecard). */
function OrganizationScorecard({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">{t('scorecard.title')}</h2>
      <Query query={ScorecardQuery} variables={{ code }}>
        {({ organizationScorecard: card }) =>
          !card || card.total.pledges === 0 ? (
            <p>{t('scorecard.none')}</p>
          ) : (
            <>
              <FiguresCards figures={card.total} />
              <FiguresChart label={t('scorecard.byYearChart')} groups={card.byYear.map((g) => ({ name: String(g.year ?? '—'), figures: g.figures }))} />
            </>
          )
        }
      </Query>
    </section>
  );
}

export function OrganizationPage({ code }: { code: string }) {
  const { t, te } = useI18n();
  const hasScorecard = useHasField('Query', 'organizationScorecard');
  return (
    <Query query={OrganizationQuery} variables={{ code }}>
      {({ organization: o }) =>
        !o ? (
          <NotFound what={t('organization.notFound')} code={code} />
        ) : (
          <article data-testid="organization-page" data-code={o.code}>
            <p className="kicker">
              <span className="badge">{te('OrganizationKind', o.kind)}</span> {o.isDemo && <span className="badge badge-demo">{t('record.demo')}</span>}
            </p>
            <h1>{o.name}</h1>
            {o.description && <p>{o.description}</p>}
            <Facts
              items={[
                [t('field.code'), <span className="code">{o.code}</span>],
                [t('organization.creditCode'), o.creditCode && <span className="code">{o.creditCode}</span>],
                [t('field.region'), o.region ? <RegionTrail region={o.region} ancestors={o.region.ancestors} /> : o.place],
              ]}
            />
            <section aria-labelledby="organization-programs-heading">
              <h2 id="organization-programs-heading">{t('organizations.programs')}</h2>
              {o.programs.length === 0 ? (
                <p>{t('organization.noPrograms')}</p>
              ) : (
                <ul className="record-list" data-testid="organization-programs">
                  {o.programs.map((p) => (
                    <li key={p.code}>
                      <Link to={`/programs/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <PlacesHelped code={o.code} />
            {hasScorecard && <OrganizationScorecard code={o.code} />}
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t('history.title')}</h2>
              <AuditHistory id={o.id} />
            </section>
            <p className="cite">
              {t('record.cite')} <a href={`/o/${encodeURIComponent(o.code)}`}>{`${location.origin}/o/${o.code}`}</a>
            </p>
          </article>
        )
      }
    </Query>
  );
}
