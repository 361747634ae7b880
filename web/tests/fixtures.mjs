// Records of the running API that the page tests look at, found through GraphQL rather than hard-coded, so the tests
// run against any demo data (or real data).
import { baseUrl, graphql } from './harness.mjs';

/** A village with yearly figures and at least one project, and its county. */
export async function villageWithProjects() {
  const data = await graphql(`{
    projects(first: 100) { nodes { code region { shortCode level name statistics { year isDemo } } } }
  }`);
  const project = data.projects.nodes.find((p) => p.region.level === 'VILLAGE' && p.region.statistics.length > 0);
  if (!project) throw new Error('No village with figures and a project in the data.');
  return { village: project.region, project: project.code };
}

/** A county with more than one page of notices, and the path of codes down to it. */
export async function countyWithNotices() {
  const data = await graphql('{ notices(kind: PROJECT, first: 50) { nodes { region { shortCode level } } } }');
  for (const notice of data.notices.nodes) {
    const county = notice.region.shortCode.slice(0, 6);
    const list = await graphql('query($r: String!) { notices(region: $r, first: 20) { totalCount nodes { code } } }', { r: county });
    if (list.notices.totalCount > 20) return { county, chain: [county.slice(0, 2), county.slice(0, 4), county], ...list.notices };
  }
  throw new Error('No county with more than 20 notices in the data.');
}

/** A fund notice (with funds in it). */
export async function fundNotice() {
  const data = await graphql('{ notices(kind: FUND, first: 1) { nodes { code title funds { code } } } }');
  return data.notices.nodes[0];
}

/** A program with pairings and members (other tests create programs without them). */
export async function firstProgram() {
  const data = await graphql('{ programs(first: 100) { nodes { code name members(first: 1) { totalCount } pairings(first: 1) { totalCount } } } }');
  return data.programs.nodes.find((p) => p.members.totalCount > 0 && p.pairings.totalCount > 0);
}

/** An enterprise, preferably one that pledged (so that its scorecard has figures when the API has pledges). */
export async function organizationInProgram() {
  const data = await graphql('{ organizations(kind: PRIVATE_ENTERPRISE, first: 100) { nodes { code name programs { code } } } }');
  const nodes = data.organizations.nodes;
  try {
    const pledges = await graphql('{ pledges(first: 1) { nodes { organization { code } } } }');
    const donor = pledges.pledges.nodes[0]?.organization.code;
    return nodes.find((o) => o.code === donor) ?? nodes[0];
  } catch {
    return nodes[0]; // no pledges in this API
  }
}

/** A GraphQL function acting as a local user (development sign-in through POST /dev/sign-in), throwing on errors. */
export async function asUser(subject) {
  const response = await fetch(`${baseUrl}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject }),
  });
  if (!response.ok) throw new Error(`POST /dev/sign-in as ${subject}: ${response.status}`);
  const { token } = await response.json();
  return (query, variables = {}) => graphql(query, variables, token);
}
