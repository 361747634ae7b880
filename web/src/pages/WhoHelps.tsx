import { gql } from 'urql';
import { PagedQuery, type PageInfo } from '../components/Pager';
import { Query } from '../components/Query';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { formatCount } from '../lib/format';
import { Link } from '../router';

// Who helps a place: pairings by the level they name, the resident work team and
// first secretary by role title and unit, and households with a named helper by unit – counts only, never people.

interface Unit {
  code: string;
  name: string;
}

interface Team {
  code: string;
  size: number;
  startedOn: string;
  plannedEndOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  memberTitles: string[];
  organization: Unit;
  village: { shortCode: string; name: string };
  firstSecretary: { title: string; organization: Unit } | null;
}

const TeamFields = gql`
  fragment WhoHelpsTeam on WorkTeam {
    code
    size
    startedOn
    plannedEndOn
    endedOn
    endReason
    memberTitles
    organization {
      code
      name
    }
    village {
      shortCode
      name
    }
    firstSecretary {
      title
      organization {
        code
        name
      }
    }
  }
`;

interface WhoHelpsData {
  region: {
    whoHelps: {
      pairings: {
        level: string;
        inherited: boolean;
        pairing: {
          code: string;
          startYear: number;
          endYear: number | null;
          program: { code: string; name: string };
          helperOrganization: Unit | null;
          helperRegion: { shortCode: string; name: string } | null;
          helpedRegion: { shortCode: string; name: string };
        };
      }[];
      workTeam: Team | null;
      assistingUnits: Unit[];
    };
    householdHelpers: { year: number; households: number; units: { households: number; organization: Unit }[] } | null;
    workTeams: { totalCount: number; nodes: Team[] };
  } | null;
}

const WhoHelpsQuery = gql<WhoHelpsData, { code: string; year: number }>`
  query VillageWhoHelps($code: String!, $year: Int!) {
    region(code: $code) {
      whoHelps {
        pairings {
          level
          inherited
          pairing {
            code
            startYear
            endYear
            program {
              code
              name
            }
            helperOrganization {
              code
              name
            }
            helperRegion {
              shortCode
              name
            }
            helpedRegion {
              shortCode
              name
            }
          }
        }
        workTeam {
          ...WhoHelpsTeam
        }
        assistingUnits {
          code
          name
        }
      }
      householdHelpers(year: $year) {
        year
        households
        units {
          households
          organization {
            code
            name
          }
        }
      }
      workTeams(first: 10) {
        totalCount
        nodes {
          ...WhoHelpsTeam
        }
      }
    }
  }
  ${TeamFields}
`;

function UnitLink({ unit }: { unit: Unit }) {
  return <Link to={`/organizations/${encodeURIComponent(unit.code)}`}>{unit.name}</Link>;
}

/** The village page's "who helps" section, for a place at any level; <code>year</code> is the year of the helper counts. */
export function WhoHelpsSection({ code, level, year }: { code: string; level: string; year: number }) {
  const { t, te, tf, lang } = useI18n();
  return (
    <section aria-labelledby="who-helps-heading" data-testid="who-helps">
      <h2 id="who-helps-heading">{t('whoHelps.title')}</h2>
      <p className="hint">{t('whoHelps.note')}</p>
      <Query query={WhoHelpsQuery} variables={{ code, year }} refetchOn={['WorkTeam', 'Pairing', 'HouseholdHelpers']}>
        {({ region }) => {
          if (!region) return null;
          const { pairings, workTeam, assistingUnits } = region.whoHelps;
          const team = workTeam;
          return (
            <>
              <h3>{t('whoHelps.pairings')}</h3>
              {pairings.length === 0 ? (
                <p className="muted">{t('whoHelps.noPairings')}</p>
              ) : (
                <Table
                  testId="who-helps-pairings"
                  head={[t('whoHelps.level'), t('whoHelps.program'), t('whoHelps.helper'), t('whoHelps.helped'), t('whoHelps.years')]}
                >
                  {pairings.map(({ level: pairedAt, inherited, pairing: p }) => (
                    <tr key={p.code} data-code={p.code} data-level={pairedAt}>
                      <td>{inherited ? tf('whoHelps.inherited', { level: te('RegionLevel', pairedAt) }) : t('whoHelps.own')}</td>
                      <td>
                        <Link to={`/programs/${encodeURIComponent(p.program.code)}`}>{p.program.name}</Link>
                      </td>
                      <td>
                        {p.helperOrganization && <UnitLink unit={p.helperOrganization} />}
                        {p.helperOrganization && p.helperRegion && ' · '}
                        {p.helperRegion && <Link to={`/villages/${p.helperRegion.shortCode}`}>{p.helperRegion.name}</Link>}
                      </td>
                      <td>
                        <Link to={`/villages/${p.helpedRegion.shortCode}`}>{p.helpedRegion.name}</Link>
                      </td>
                      <td>
                        {p.startYear}–{p.endYear ?? ''}
                      </td>
                    </tr>
                  ))}
                </Table>
              )}
              {level === 'VILLAGE' && (
                <>
                  <h3>{t('whoHelps.workTeam')}</h3>
                  {!team ? (
                    <p className="muted">{t('whoHelps.noWorkTeam')}</p>
                  ) : (
                    <dl className="facts" data-testid="who-helps-team" data-code={team.code}>
                      <div>
                        <dt>{t('whoHelps.unit')}</dt>
                        <dd>
                          <UnitLink unit={team.organization} /> <span className="code">{team.code}</span>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('whoHelps.firstSecretary')}</dt>
                        <dd>
                          {team.firstSecretary ? (
                            <>
                              {team.firstSecretary.title} · <UnitLink unit={team.firstSecretary.organization} />
                            </>
                          ) : (
                            '—'
                          )}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('whoHelps.period')}</dt>
                        <dd>
                          {team.startedOn} – {team.plannedEndOn ?? ''}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('whoHelps.members')}</dt>
                        <dd>
                          {tf('whoHelps.size', { size: team.size })}
                          {team.memberTitles.length > 0 && ` · ${team.memberTitles.join('、')}`}
                        </dd>
                      </div>
                    </dl>
                  )}
                </>
              )}
              {region.workTeams.totalCount > 0 && (
                <>
                  <h3>{level === 'VILLAGE' ? t('whoHelps.history') : t('whoHelps.teamsBelow')}</h3>
                  <ul className="record-list" data-testid="who-helps-teams">
                    {region.workTeams.nodes.map((w) => (
                      <li key={w.code} data-code={w.code}>
                        <span className="code">{w.code}</span> <Link to={`/villages/${w.village.shortCode}`}>{w.village.name}</Link> ·{' '}
                        <UnitLink unit={w.organization} /> · {w.startedOn} –{' '}
                        {w.endedOn ? `${w.endedOn}（${w.endReason ?? ''}）` : t('whoHelps.active')}
                      </li>
                    ))}
                  </ul>
                  {region.workTeams.totalCount > region.workTeams.nodes.length && (
                    <p className="muted">{tf('whoHelps.more', { count: formatCount(region.workTeams.totalCount, lang) })}</p>
                  )}
                </>
              )}
              <h3>{tf('whoHelps.households', { year })}</h3>
              {!region.householdHelpers ? (
                <p className="muted">{t('whoHelps.noHouseholds')}</p>
              ) : (
                <Table testId="who-helps-households" head={[t('whoHelps.unit'), t('whoHelps.householdCount')]}>
                  {region.householdHelpers.units.map((u) => (
                    <tr key={u.organization.code}>
                      <td>
                        <UnitLink unit={u.organization} />
                      </td>
                      <td>{formatCount(u.households, lang)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('whoHelps.total')}</th>
                    <td>{formatCount(region.householdHelpers.households, lang)}</td>
                  </tr>
                </Table>
              )}
              <h3>{t('whoHelps.units')}</h3>
              {assistingUnits.length === 0 ? (
                <p className="muted">—</p>
              ) : (
                <ul className="chips" data-testid="who-helps-units">
                  {assistingUnits.map((u) => (
                    <li key={u.code}>
                      <UnitLink unit={u} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Query>
    </section>
  );
}

const PlacesQuery = gql<
  {
    organization: {
      placesHelped: { totalCount: number; pageInfo: PageInfo; nodes: { shortCode: string; name: string; level: string }[] };
    } | null;
  },
  { code: string; after: string | null }
>`
  query OrganizationPlacesHelped($code: String!, $after: String) {
    organization(code: $code) {
      placesHelped(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          shortCode
          name
          level
        }
      }
    }
  }
`;

/** The organisation page's places it helps: those its pairings name and its work teams' villages. */
export function PlacesHelped({ code }: { code: string }) {
  const { t, te } = useI18n();
  return (
    <section aria-labelledby="places-helped-heading">
      <h2 id="places-helped-heading">{t('whoHelps.placesHelped')}</h2>
      <PagedQuery query={PlacesQuery} variables={{ code }} param="places">
        {(data, pager) =>
          data.organization && (
            <>
              {data.organization.placesHelped.nodes.length === 0 ? (
                <p className="muted">{t('whoHelps.noPlaces')}</p>
              ) : (
                <ul className="chips" data-testid="places-helped">
                  {data.organization.placesHelped.nodes.map((r) => (
                    <li key={r.shortCode} data-code={r.shortCode}>
                      <Link to={`/villages/${r.shortCode}`}>{r.name}</Link> <span className="muted">· {te('RegionLevel', r.level)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {pager(data.organization.placesHelped.pageInfo, data.organization.placesHelped.totalCount)}
            </>
          )
        }
      </PagedQuery>
    </section>
  );
}
