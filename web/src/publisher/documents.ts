import { gql } from 'urql';
import type { PayloadError } from '../components/FormErrors';

// The Publisher's documents, each static text so that it can be a persisted document.

export const EnumValues = gql<{ __type: { enumValues: { name: string }[] | null } | null }, { name: string }>`
  query PublisherEnumValues($name: String!) {
    __type(name: $name) {
      enumValues {
        name
      }
    }
  }
`;

export interface DraftItem {
  code: string;
  title: string;
  kind: string;
  decidedOn: string;
  noticePeriodDays: number | null;
  region: { code: string; name: string };
}

export interface QueuePledge {
  code: string;
  confirmBy: string;
  organization: { name: string };
  region: { name: string };
  deliveries: {
    id: string;
    deliveredOn: string;
    evidence: string;
    isReceived: boolean;
    quantity: { quantity: number; unit: string; money: { yuan: string } | null };
  }[];
}

export interface QueueObjection {
  code: string;
  status: string;
  filedAt: string;
  isOverdue: boolean;
  notice: { code: string; title: string } | null;
}

export const PublisherQueue = gql<
  {
    noticeDrafts: { nodes: DraftItem[] };
    needs: { nodes: { code: string; title: string; status: string; region: { name: string } }[] };
    toConfirm: { nodes: QueuePledge[] };
    toReceive: { nodes: QueuePledge[] };
    received: { nodes: QueueObjection[] };
    investigating: { nodes: QueueObjection[] };
  },
  { region: string }
>`
  query PublisherQueue($region: String!) {
    noticeDrafts(first: 50) {
      nodes {
        code
        title
        kind
        decidedOn
        noticePeriodDays
        region {
          code
          name
        }
      }
    }
    needs(region: $region, status: DRAFT, first: 50) {
      nodes {
        code
        title
        status
        region {
          name
        }
      }
    }
    toConfirm: pledges(region: $region, status: PLEDGED, first: 50) {
      ...PublisherQueuePledge
    }
    toReceive: pledges(region: $region, status: DELIVERED, first: 50) {
      ...PublisherQueuePledge
    }
    received: objections(region: $region, status: RECEIVED, first: 50) {
      ...PublisherQueueObjection
    }
    investigating: objections(region: $region, status: INVESTIGATING, first: 50) {
      ...PublisherQueueObjection
    }
  }

  fragment PublisherQueueObjection on ObjectionConnection {
    nodes {
      code
      status
      filedAt
      isOverdue
      notice {
        code
        title
      }
    }
  }

  fragment PublisherQueuePledge on PledgeConnection {
    nodes {
      code
      confirmBy
      organization {
        name
      }
      region {
        name
      }
      deliveries {
        id
        deliveredOn
        evidence
        isReceived
        quantity {
          quantity
          unit
          money {
            yuan
          }
        }
      }
    }
  }
`;

export const PublicationCheck = gql<
  {
    noticePublicationCheck: {
      publishedOn: string;
      onTimeUntil: string;
      isLate: boolean;
      workingDaysLate: number;
      noticePeriodDays: number | null;
      noticePeriodEndsOn: string | null;
      notice: DraftItem & { body: string; localSupervisionPhone: string | null; funds: { code: string }[]; projects: { code: string }[] };
    } | null;
  },
  { notice: string }
>`
  query PublisherPublicationCheck($notice: String!) {
    noticePublicationCheck(notice: $notice) {
      publishedOn
      onTimeUntil
      isLate
      workingDaysLate
      noticePeriodDays
      noticePeriodEndsOn
      notice {
        code
        title
        kind
        decidedOn
        noticePeriodDays
        body
        localSupervisionPhone
        region {
          code
          name
        }
        funds {
          code
        }
        projects {
          code
        }
      }
    }
  }
`;

export const RegionRecords = gql<
  {
    funds: { nodes: { code: string; name: string; fiscalYear: number; amount: { yuan: string } }[] };
    projects: { nodes: { code: string; name: string; status: string; region: { name: string } }[] };
    notices: { nodes: { code: string; title: string; status: string; publishedOn: string | null }[] };
  },
  { region: string }
>`
  query PublisherRegionRecords($region: String!) {
    funds(region: $region, first: 20) {
      nodes {
        code
        name
        fiscalYear
        amount {
          yuan
        }
      }
    }
    projects(region: $region, first: 20) {
      nodes {
        code
        name
        status
        region {
          name
        }
      }
    }
    notices(region: $region, status: PUBLISHED, first: 20) {
      nodes {
        code
        title
        status
        publishedOn
      }
    }
  }
`;

export interface Payload {
  errors: PayloadError[];
  /** Accepted, with something to know, e.g. OVER_BUDGET when allocations pass a project's budget. */
  warnings?: { code: string; message: string }[];
}

type Input = { input: Record<string, unknown> };
type Result<F extends string, K extends string> = { [P in F]: Payload & { [Q in K]: { code: string } | null } };

export const CreateFund = gql<Result<'createFund', 'fund'>, Input>`
  mutation PublisherCreateFund($input: CreateFundInput!) {
    createFund(input: $input) {
      fund {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const TransferFund = gql<{ transferFund: Payload }, Input>`
  mutation PublisherTransferFund($input: TransferFundInput!) {
    transferFund(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const AllocateFund = gql<{ allocateFund: Payload }, Input>`
  mutation PublisherAllocateFund($input: AllocateFundInput!) {
    allocateFund(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordTransaction = gql<{ recordTransaction: Payload }, Input>`
  mutation PublisherRecordTransaction($input: RecordTransactionInput!) {
    recordTransaction(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const CreateProject = gql<Result<'createProject', 'project'>, Input>`
  mutation PublisherCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      project {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const MoveProject = gql<Result<'moveProject', 'project'>, Input>`
  mutation PublisherMoveProject($input: MoveProjectInput!) {
    moveProject(input: $input) {
      project {
        code
        status
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordProjectResults = gql<Result<'recordProjectResults', 'project'>, Input>`
  mutation PublisherRecordProjectResults($input: RecordProjectResultsInput!) {
    recordProjectResults(input: $input) {
      project {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const DraftNotice = gql<Result<'draftNotice', 'notice'>, Input>`
  mutation PublisherDraftNotice($input: DraftNoticeInput!) {
    draftNotice(input: $input) {
      notice {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const UpdateDraftNotice = gql<Result<'updateDraftNotice', 'notice'>, Input>`
  mutation PublisherUpdateDraftNotice($input: UpdateDraftNoticeInput!) {
    updateDraftNotice(input: $input) {
      notice {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const PublishNotice = gql<
  { publishNotice: Payload & { notice: { code: string; isLate: boolean; workingDaysLate: number } | null } },
  Input
>`
  mutation PublisherPublishNotice($input: PublishNoticeInput!) {
    publishNotice(input: $input) {
      notice {
        code
        isLate
        workingDaysLate
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const SupersedeNotice = gql<Result<'supersedeNotice', 'notice'>, Input>`
  mutation PublisherSupersedeNotice($input: SupersedeNoticeInput!) {
    supersedeNotice(input: $input) {
      notice {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const WithdrawNotice = gql<Result<'withdrawNotice', 'notice'>, Input>`
  mutation PublisherWithdrawNotice($input: WithdrawNoticeInput!) {
    withdrawNotice(input: $input) {
      notice {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordVillageStatistics = gql<{ recordVillageStatistics: Payload }, Input>`
  mutation PublisherRecordVillageStatistics($input: RecordVillageStatisticsInput!) {
    recordVillageStatistics(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordVillageFacilities = gql<{ recordVillageFacilities: Payload }, Input>`
  mutation PublisherRecordVillageFacilities($input: RecordVillageFacilitiesInput!) {
    recordVillageFacilities(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordMonitoring = gql<{ recordMonitoring: Payload }, Input>`
  mutation PublisherRecordMonitoring($input: RecordMonitoringInput!) {
    recordMonitoring(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const AssignWorkTeam = gql<Result<'assignWorkTeam', 'workTeam'>, Input>`
  mutation PublisherAssignWorkTeam($input: AssignWorkTeamInput!) {
    assignWorkTeam(input: $input) {
      workTeam {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const EndWorkTeam = gql<Result<'endWorkTeam', 'workTeam'>, Input>`
  mutation PublisherEndWorkTeam($input: EndWorkTeamInput!) {
    endWorkTeam(input: $input) {
      workTeam {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordHouseholdHelpers = gql<{ recordHouseholdHelpers: Payload }, Input>`
  mutation PublisherRecordHouseholdHelpers($input: RecordHouseholdHelpersInput!) {
    recordHouseholdHelpers(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordCountyStatistics = gql<{ recordCountyStatistics: Payload }, Input>`
  mutation PublisherRecordCountyStatistics($input: RecordCountyStatisticsInput!) {
    recordCountyStatistics(input: $input) {
      statistics {
        year
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const RecordMicrocredit = gql<{ recordMicrocredit: Payload & { microcredit: { code: string } | null } }, Input>`
  mutation PublisherRecordMicrocredit($input: RecordMicrocreditInput!) {
    recordMicrocredit(input: $input) {
      microcredit {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
type ExitResult<F extends string> = { [P in F]: Payload & { exit: { code: string; status: string; notice: { code: string } } | null } };
export const ProposeExit = gql<ExitResult<'proposeExit'>, Input>`
  mutation PublisherProposeExit($input: ProposeExitInput!) {
    proposeExit(input: $input) {
      exit {
        code
        status
        notice {
          code
        }
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const ConfirmExit = gql<ExitResult<'confirmExit'>, Input>`
  mutation PublisherConfirmExit($input: ConfirmExitInput!) {
    confirmExit(input: $input) {
      exit {
        code
        status
        notice {
          code
        }
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const WithdrawExit = gql<ExitResult<'withdrawExit'>, Input>`
  mutation PublisherWithdrawExit($input: WithdrawExitInput!) {
    withdrawExit(input: $input) {
      exit {
        code
        status
        notice {
          code
        }
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export interface ExitItem {
  code: string;
  year: number;
  status: string;
  noticePeriodEndsOn: string;
  region: { code: string; name: string };
  notice: { code: string; title: string };
}

export const PublisherExits = gql<{ exits: { nodes: ExitItem[] } }, { region: string }>`
  query PublisherExits($region: String!) {
    exits(region: $region, status: PROPOSED, first: 50) {
      nodes {
        code
        year
        status
        noticePeriodEndsOn
        region {
          code
          name
        }
        notice {
          code
          title
        }
      }
    }
  }
`;
export const RegisterNeed = gql<Result<'registerNeed', 'need'>, Input>`
  mutation PublisherRegisterNeed($input: RegisterNeedInput!) {
    registerNeed(input: $input) {
      need {
        code
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const SubmitNeed = gql<Result<'submitNeed', 'need'>, Input>`
  mutation PublisherSubmitNeed($input: SubmitNeedInput!) {
    submitNeed(input: $input) {
      need {
        code
        status
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const ConfirmPledge = gql<Result<'confirmPledge', 'pledge'>, Input>`
  mutation PublisherConfirmPledge($input: ConfirmPledgeInput!) {
    confirmPledge(input: $input) {
      pledge {
        code
        status
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;
export const ConfirmReceipt = gql<{ confirmReceipt: Payload }, Input>`
  mutation PublisherConfirmReceipt($input: ConfirmReceiptInput!) {
    confirmReceipt(input: $input) {
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;

export const CloseNeed = gql<Result<'closeNeed', 'need'>, Input>`
  mutation PublisherCloseNeed($input: CloseNeedInput!) {
    closeNeed(input: $input) {
      need {
        code
        status
      }
      errors {
        code
        message
        field
        params {
          name
          value
        }
      }
      warnings {
        code
        message
      }
    }
  }
`;

type ClosableNeed = { code: string; title: string; status: string; deadline: string; region: { name: string } };

/** The region's approved needs that are not closed: a need closes once no pledge on it is under way. */
export const ClosableNeeds = gql<
  Record<'open' | 'partly' | 'fully' | 'fulfilled' | 'expired', { nodes: ClosableNeed[] }>,
  { region: string }
>`
  query PublisherClosableNeeds($region: String!) {
    open: needs(region: $region, status: OPEN, first: 20) {
      ...PublisherClosableNeed
    }
    partly: needs(region: $region, status: PARTLY_PLEDGED, first: 20) {
      ...PublisherClosableNeed
    }
    fully: needs(region: $region, status: FULLY_PLEDGED, first: 20) {
      ...PublisherClosableNeed
    }
    fulfilled: needs(region: $region, status: FULFILLED, first: 20) {
      ...PublisherClosableNeed
    }
    expired: needs(region: $region, status: EXPIRED, first: 20) {
      ...PublisherClosableNeed
    }
  }
  fragment PublisherClosableNeed on NeedConnection {
    nodes {
      code
      title
      status
      deadline
      region {
        name
      }
    }
  }
`;
export const RegisterAsset = gql<Result<'registerAsset', 'asset'>, Input>`
  mutation PublisherRegisterAsset($input: RegisterAssetInput!) {
    registerAsset(input: $input) { asset { code } errors { code message field params { name value } } warnings { code message } }
  }
`;
export const RecordAssetIncome = gql<{ recordAssetIncome: Payload }, Input>`
  mutation PublisherRecordAssetIncome($input: RecordAssetIncomeInput!) {
    recordAssetIncome(input: $input) { income { year } errors { code message field params { name value } } warnings { code message } }
  }
`;
export const RecordEntitlement = gql<Result<'recordEntitlement', 'entitlement'>, Input>`
  mutation PublisherRecordEntitlement($input: RecordEntitlementInput!) {
    recordEntitlement(input: $input) { entitlement { code } errors { code message field params { name value } } warnings { code message } }
  }
`;
