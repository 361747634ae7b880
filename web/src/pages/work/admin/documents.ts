import { gql } from 'urql';
import type { PayloadError } from '../../../components/FormErrors';

// The Admin's documents, each static text so that it can be a persisted document.

type Payload = { errors: PayloadError[] };

export interface GrantRow {
  id: string;
  person: string;
  personName: string | null;
  role: string;
  reason: string;
  grantedAt: string;
  grantedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  region: { shortCode: string; name: string } | null;
  organization: { code: string; name: string } | null;
}

export const AdminGrants = gql<{ grants: { totalCount: number; nodes: GrantRow[] } }, { role: string | null; region: string | null; person: string | null; active: boolean | null }>`
  query AdminGrants($role: Role, $region: String, $person: String, $active: Boolean) {
    grants(role: $role, region: $region, person: $person, active: $active, first: 100) {
      totalCount
      nodes {
        id person personName role reason grantedAt grantedBy revokedAt revokedBy revokeReason
        region { shortCode name }
        organization { code name }
      }
    }
  }
`;

export const GrantRole = gql<{ grantRole: Payload & { grant: { id: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminGrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) { grant { id person role } errors { code message field params { name value } } }
  }
`;

export const RevokeRole = gql<{ revokeRole: Payload & { grant: { id: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminRevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) { grant { id revokedAt revokeReason } errors { code message field params { name value } } }
  }
`;

export interface OrganizationRow {
  code: string;
  name: string;
  kind: string;
  creditCode: string | null;
  description: string | null;
  outsideProvince: number | null;
  place: string | null;
  region: { shortCode: string; name: string } | null;
}

export const AdminOrganizations = gql<{ organizations: { totalCount: number; nodes: OrganizationRow[] } }, { search: string | null }>`
  query AdminOrganizations($search: String) {
    organizations(search: $search, first: 20) {
      totalCount
      nodes { code name kind creditCode description outsideProvince place region { shortCode name } }
    }
  }
`;

export const RegisterOrganization = gql<{ registerOrganization: Payload & { organization: { code: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminRegisterOrganization($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) { organization { code name } errors { code message field params { name value } } }
  }
`;

export const UpdateOrganization = gql<{ updateOrganization: Payload & { organization: { code: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { organization { code name kind creditCode description outsideProvince place region { shortCode name } } errors { code message field params { name value } } }
  }
`;

export interface ApplicationRow {
  id: string;
  status: string;
  motivation: string;
  appliedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  organization: { code: string; name: string };
  program: { code: string; name: string };
}

export const ApplicationFields = gql`
  fragment ProgramApplicationFields on ProgramApplication {
    id status motivation appliedAt decidedAt decisionReason
    organization { code name }
    program { code name }
  }
`;

export const AdminApplications = gql<{ programApplications: { totalCount: number; nodes: ApplicationRow[] } }, { status: string | null }>`
  query AdminApplications($status: ApplicationStatus) {
    programApplications(status: $status, first: 100) {
      totalCount
      nodes { ...ProgramApplicationFields }
    }
  }
  ${ApplicationFields}
`;

export const DecideApplication = gql<{ decideProgramApplication: Payload & { application: { id: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminDecideApplication($input: DecideProgramApplicationInput!) {
    decideProgramApplication(input: $input) { application { id status decisionReason } errors { code message field params { name value } } }
  }
`;

export interface ProgramRow {
  code: string;
  name: string;
  kind: string;
  startYear: number;
  endYear: number | null;
  region: { name: string } | null;
  members: { totalCount: number; nodes: { code: string; name: string }[] };
}

export const AdminPrograms = gql<{ programs: { nodes: ProgramRow[] } }>`
  query AdminPrograms {
    programs(first: 100) {
      nodes { code name kind startYear endYear region { name } members(first: 100) { totalCount nodes { code name } } }
    }
  }
`;

export const CreateProgram = gql<{ createProgram: Payload & { program: { code: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminCreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) { program { code name } errors { code message field params { name value } } }
  }
`;

export const RemoveMember = gql<{ removeProgramMember: Payload }, { input: Record<string, unknown> }>`
  mutation AdminRemoveMember($input: LeaveProgramInput!) {
    removeProgramMember(input: $input) { membership { isCurrent leftOn organization { code } program { code } } errors { code message field params { name value } } }
  }
`;

export interface PairingRow {
  code: string;
  startYear: number;
  endYear: number | null;
  endedOn: string | null;
  endReason: string | null;
  yearlyPlan: string;
  yearlyBudget: { yuan: string };
  program: { code: string; name: string };
  helperOrganization: { code: string; name: string } | null;
  helperRegion: { shortCode: string; name: string } | null;
  helpedRegion: { shortCode: string; name: string };
}

export const AdminPairings = gql<{ pairings: { totalCount: number; nodes: PairingRow[] } }, { program: string | null; region: string | null }>`
  query AdminPairings($program: String, $region: String) {
    pairings(program: $program, region: $region, first: 50) {
      totalCount
      nodes {
        code startYear endYear endedOn endReason yearlyPlan yearlyBudget { yuan }
        program { code name }
        helperOrganization { code name }
        helperRegion { shortCode name }
        helpedRegion { shortCode name }
      }
    }
  }
`;

export const CreatePairing = gql<{ createPairing: Payload & { pairing: { code: string } | null } }, { input: Record<string, unknown> }>`
  mutation AdminCreatePairing($input: CreatePairingInput!) {
    createPairing(input: $input) { pairing { code } errors { code message field params { name value } } }
  }
`;

export const EndPairing = gql<{ endPairing: Payload }, { input: Record<string, unknown> }>`
  mutation AdminEndPairing($input: EndPairingInput!) {
    endPairing(input: $input) { pairing { code endYear endedOn endReason } errors { code message field params { name value } } }
  }
`;

export const RecordProvincialRuralIncome = gql<{ recordProvincialRuralIncome: Payload }, { input: Record<string, unknown> }>`
  mutation AdminRecordProvincialRuralIncome($input: RecordProvincialRuralIncomeInput!) {
    recordProvincialRuralIncome(input: $input) { income { year perCapitaIncome { yuan } } errors { code message field params { name value } } }
  }
`;
