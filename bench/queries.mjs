// The public mix: what a visitor's pages ask for. Each scenario has a query and a list of variable sets drawn from
// the scale database, so that the mix touches many keys, as real traffic does.
export const scenarios = [
  {
    name: 'county-notices',
    title: 'notices of a county in a year',
    query: `query CountyNotices($region: String!, $year: Int!) {
      notices(region: $region, year: $year, first: 20) {
        totalCount
        nodes { code title kind status publishedOn isLate region { name } publisher { name } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    // Counties that publish, times the years the data publishes in (the demo's years follow its anchor day).
    sql: `SELECT printf('%06d', r.Code / 1000000), y.Year FROM Regions r
          JOIN (SELECT DISTINCT CAST(substr(PublishedOn, 1, 4) AS INTEGER) AS Year FROM Notices WHERE Status = 2) y
          WHERE r.Code IN (SELECT c.Code FROM Regions c WHERE c.Level = 3
            AND EXISTS (SELECT 1 FROM Notices n WHERE n.RegionCode >= c.Code AND n.RegionCode < c.Code + 1000000 AND n.Status = 2)
            ORDER BY c.Code LIMIT 40)
          ORDER BY r.Code, y.Year LIMIT 200`,
    variables: (rows) => rows.map(([region, year]) => ({ region, year: Number(year) })),
  },
  {
    name: 'notice',
    title: 'one notice with its funds and project',
    query: `query NoticePage($code: String!) {
      notice(code: $code) {
        code title kind status body decidedOn publishedOn noticePeriodEndsOn isLate workingDaysLate supervisionPhone
        region { name shortCode ancestors { name shortCode } }
        publisher { code name }
        funds { code name documentNumber amount { yuan } issuer { name } }
        projects { code name status budget { yuan } implementingOrganization { name } }
      }
    }`,
    sql: `SELECT Code FROM Notices WHERE Status = 2 AND Id IN (SELECT NoticeId FROM NoticeFunds) ORDER BY Id LIMIT 200`,
    variables: (rows) => rows.map(([code]) => ({ code })),
  },
  {
    name: 'village',
    title: 'a village page',
    query: `query VillagePage($code: String!) {
      region(code: $code) {
        code name level povertyStatus plannedExitYear actualExitYear
        ancestors { name shortCode }
        statistics { year population poorHouseholds poorPeople povertyIncidencePercent perCapitaDisposableIncome { yuan } }
      }
      projects(region: $code, first: 10) { totalCount nodes { code name status budget { yuan } } }
    }`,
    sql: `SELECT DISTINCT printf('%012d', RegionCode) FROM VillageStatistics ORDER BY RegionCode LIMIT 200`,
    variables: (rows) => rows.map(([code]) => ({ code })),
  },
  {
    name: 'program',
    title: 'a program dashboard',
    query: `query ProgramDashboard($code: String!) {
      program(code: $code) {
        code name description startYear
        members(first: 10) { totalCount nodes { code name kind } }
        pairings(first: 20) { totalCount nodes { code startYear yearlyBudget { yuan } helpedRegion { name } helperOrganization { name } } }
      }
      pairings(program: $code, first: 1) { totalCount }
    }`,
    sql: `SELECT Code FROM Programs ORDER BY Code`,
    variables: (rows) => rows.map(([code]) => ({ code })),
  },
  {
    name: 'organization',
    title: 'an organisation page',
    query: `query OrganizationPage($code: String!) {
      organization(code: $code) {
        code name kind creditCode description
        region { name shortCode ancestors { name } }
        programs { code name }
      }
    }`,
    sql: `SELECT Code FROM Organizations ORDER BY Id LIMIT 200`,
    variables: (rows) => rows.map(([code]) => ({ code })),
  },
  {
    name: 'province-money',
    title: "a province's money by source and year",
    query: `query ProvinceMoney($region: String!) {
      moneySummary(region: $region) { year sourceType kind count amount { yuan } }
    }`,
    sql: `SELECT printf('%02d', Code / 10000000000) FROM Regions WHERE Level = 1 ORDER BY Code`,
    variables: (rows) => rows.map(([region]) => ({ region })),
  },
];
