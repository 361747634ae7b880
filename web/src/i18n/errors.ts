// Every error code the API can answer with, worded in zh and en from its parameters. The API's own message is
// English for logs and API clients; pages never show it. A wording is a template: {name} is the parameter's value;
// names ending in Fen are amounts in fen, {name:qty} a quantity in the parameter `unit` (fen → money), {name:Enum}
// the label of an API enum value (enum.Enum.VALUE in zh.ts/en.ts), {name:@record} the status enum of the record
// named by `record`, {field} / {argument} the label of an input field, {role:role} / {roles:roles} role labels,
// {kind:personal} the kind of personal data found. tests/OpenAid.Api.Tests/Errors/ErrorWordingTests.cs checks that
// every code of Errors.cs, ApiErrors and HttpErrorCodes has a wording in both languages.
import type { CombinedError } from 'urql';
import { en } from './en';
import { zh } from './zh';
import type { Lang } from './index';
import type { MessageKey } from './zh';
import { formatYuan } from '../lib/format';

/** One value of an error, as the API sends it in `params` and `extensions.params`. */
export interface ErrorParameter {
  name: string;
  value: string;
}

/** A payload error (`errors { code field message params { name value } }`) or a top-level error's extensions. */
export interface ApiErrorLike {
  code: string;
  message?: string | null;
  field?: string | null;
  params?: readonly ErrorParameter[] | null;
}

type Params = Record<string, string>;
type Wording = string | ((p: Params) => string);

const zhErrors = {
  // Input values
  REQUIRED: (p) => (p.level ? '{level:RegionLevel}级公告须设公示期，至少 {min} 天。' : '「{field}」必须填写。'),
  TOO_LONG: '「{field}」最多 {max} 个字，现有 {length} 个。',
  TOO_MANY: '「{field}」最多 {max} 项，现有 {count} 项。',
  PERSONAL_DATA: '「{field}」中含有疑似{kind:personal}。公开内容不得含有农户的个人信息，请删去，或以人数、匿名方式描述。',
  INVALID_AMOUNT: '「{field}」须大于 0 且不超过 {maxFen}，填写的是 {valueFen}。',
  INVALID_QUANTITY: (p) => (p.max ? '数量须大于 0 且不超过 {max}，填写的是 {value}。' : '数量须大于 0，填写的是 {value}。'),
  INVALID_COUNT: '「{field}」须在 0 到 {max} 之间，填写的是 {value}。',
  COUNTS_INCONSISTENT: '受益人数（{people}）不能少于受益户数（{households}）：每户至少一人。',
  INVALID_YEAR: (p) => (p.min ? '「{field}」须是 {min} 至 {max} 年之间的年份，填写的是 {value}。' : '{value} 年尚未到来，有数据后再填报。'),
  INVALID_DATE: (p) =>
    p.fiscalYear
      ? '「{field}」（{date}）须在 {fiscalYear} 财年前后一年之内。'
      : p.maxDays
        ? '「{field}」（{date}）须在今天之后 {maxDays} 天之内。'
        : p.from
          ? '「{field}」（{date}）须在 {from} 至今天（{today}）之间。'
          : p.minYear
            ? '「{field}」（{date}）须在 {minYear} 年至今天（{today}）之间。'
            : '「{field}」（{date}）是将来的日期，请在发生后再登记。',
  DATES_OUT_OF_ORDER: '结束日期（{end}）早于开始日期（{start}）。',
  INVALID_PHONE: (p) =>
    p.expected === 'OFFICE_LINE'
      ? '「{field}」须为办公固定电话（如 0776-7612317）或 12xxx 服务热线，填写的是 {value}。'
      : '「{field}」不是有效的电话号码（只能含数字、空格、连字符和开头的 +），填写的是 {value}。',
  INVALID_UNIT: '资金请按金额（分）填写，不要作为以“分”计的数量。',
  UNIT_NOT_APPLICABLE: '资金以分计，不必填写单位。',
  UNIT_MISMATCH: '需求 {need} 以“{unit}”计，请用同一单位认捐。',
  AMBIGUOUS_AMOUNT: '金额和数量只能填写一项。',
  DUPLICATE_INDICATOR: '绩效指标“{indicator}”重复填写。',
  NOTHING_TO_RECORD: '没有可登记的内容：请填写受益人数或绩效完成值。',
  // References
  INVALID_ID: '“{id}”不是有效的记录编号。',
  NOT_FOUND: (p) => (p.code ? '找不到编号为 {code} 的{record:record}。' : '该{record:record}已不存在。'),
  INVALID_REGION_CODE: '“{code}”不是统计用区划代码（应为 2、4、6、9 或 12 位数字）。',
  REGION_NOT_FOUND: '没有代码为 {code} 的地区。',
  ORGANIZATION_NOT_FOUND: '您登录所代表的组织（{organization}）未在本平台登记。',
  TARGET_NOT_FOUND: '项目 {project} 没有绩效指标“{indicator}”；已有指标：{indicators}。',
  NOT_A_VILLAGE: '{regionName}是{level:RegionLevel}级地区；此操作只适用于村（或乡镇）。',
  NOT_A_COUNTY: '县级统计数据只能为县录入，该地区不是县。',
  NOT_A_PROVINCE: '全省农村居民人均可支配收入只能为省录入，该地区不是省。',
  NOT_VILLAGE_OR_COUNTY: '{regionName}是{level:RegionLevel}级地区；返贫监测数按村或县填报。',
  REGION_NOT_APPLICABLE: '针对公告的异议以公告所在地区为准，不必填写地区。',
  SUBJECT_REQUIRED: '资金公告至少列出一项资金，项目公告至少列出一个项目。',
  SUBJECT_OUTSIDE_REGION: '{subject} 所属地区（{subjectRegion}）与{regionName}互不包含。',
  PROJECT_OUTSIDE_FUND_REGION: '项目 {project} 不在资金 {fund} 的地区范围内。',
  PROJECT_ELSEWHERE: '项目 {project} 既不在{regionName}实施，也不在其上级地区实施。',
  PAIRING_ELSEWHERE: '结对 {pairing} 帮扶的地区不包含{regionName}。',
  ONE_TARGET_REQUIRED: '认捐须针对且只针对一项：需求、项目或村。',
  NOT_A_MEMBER: '本单位尚未加入“{programName}”；请不选项目认捐，或选择已加入的项目。',
  KIND_MISMATCH: (p) =>
    p.unit === 'fen'
      ? '需求 {need} 需要的是资金，“{kind:PledgeKind}”类认捐不适用。'
      : '需求 {need} 需要的是以“{unit}”计的实物或服务，“{kind:PledgeKind}”类认捐不适用。',
  FUND_NOT_ALLOCATED: '资金 {fund} 尚未分配给项目 {project}，请先分配。',
  PROVIDER_ELSEWHERE: '地区 {providerRegion} 既不是资金所属地区，也不是帮扶该项目所在地的结对地区。',
  DUPLICATE_DOCUMENT_NUMBER: '{fiscalYear} 财年已有文号为“{documentNumber}”的资金。',
  // Money
  AMOUNT_EXCEEDS_FUND: '资金 {fund} 尚可分配或下达 {remainingFen}，本次申请 {askedFen}。',
  ALLOCATION_ABOVE_COUNTY: '资金 {fund} 由县级以上持有：请先切块下达到县级资金或统筹整合资金池，再由县安排到项目（四到县）。',
  TRANSFER_NOT_DOWN: '资金只能下达到下级地区的资金或县级统筹整合资金池：{toFund} 不在 {fund} 之下，或资金池不再下达。',
  TRANSFER_OUTSIDE_REGION: '接收资金 {toFund} 不在资金 {fund} 的地区范围内。',
  TRANSFER_SOURCE_MISMATCH: '切块资金 {toFund} 的来源和级别须与资金 {fund} 相同；只有统筹整合资金池可接收不同来源。',
  INVALID_POOL: '统筹整合资金池须由县级持有、来源为统筹整合涉农资金、级别为县级，且本级投入为 0。',
  DISBURSEMENT_EXCEEDS_COMMITMENT: '项目 {project} 已签约未拨付的金额为 {remainingFen}，本次拨付 {askedFen}。',
  EXPENDITURE_EXCEEDS_DISBURSEMENT: '项目 {project} 已拨付未支出的金额为 {remainingFen}，本次支出 {askedFen}。',
  EXCEEDS_ALLOCATION:
    '资金 {fund} 分配给项目 {project} {allocatedFen}，其中已登记“{kind:TransactionKind}” {recordedFen}，本次 {askedFen} 超出分配额。',
  TOTAL_TOO_LARGE: '「{field}」会使同类金额合计超过 {maxFen}（现为 {totalFen}）。',
  OVERDUE_EXCEEDS_BALANCE: '逾期金额是贷款余额的一部分，不能超过余额。',
  PLEDGE_NOT_HERE: '认捐请在需求页面提交，不作为资金往来登记。',
  // Lifecycles
  INVALID_TRANSITION: '{record:record} {code} 当前状态为“{status:@record}”，不能进行此操作。',
  INVALID_STATE: '项目 {code} 当前状态为“{status:ProjectStatus}”；只有实施中或已验收的项目可以登记成效。',
  PROJECT_NOT_ACTIVE: '项目 {project} 当前状态为“{status:ProjectStatus}”；只能投向在建或待建的项目。',
  REASON_NOT_APPLICABLE: '此操作不需要填写理由。',
  NOTICE_NOT_DRAFT: '公告 {code} 当前状态为“{status:NoticeStatus}”，不是草稿。已发布的公告不能修改，只能更正或撤回。',
  NOTICE_NOT_PUBLISHED: '公告 {code} 当前状态为“{status:NoticeStatus}”；只有正在公示的公告可以更正或撤回。',
  NOTICE_PERIOD_NOT_APPLICABLE: '{regionName}是{level:RegionLevel}级地区：县级及以上公告长期公开，没有公示期，请不要填写。',
  NOTICE_PERIOD_TOO_SHORT: '乡镇和村的公告公示期至少 {min} 天，填写的是 {days} 天。',
  NOTICE_PERIOD_TOO_LONG: '公示期最多 {max} 天，填写的是 {days} 天。',
  NOTICE_PERIOD_ENDED: '公告 {notice} 的公示期已于 {endedOn} 结束。如需反映问题，请不选公告、注明地区提交。',
  TOO_MANY_OBJECTIONS: (p) =>
    p.scope === 'REGION'
      ? '该地区今天已受理 {max} 件异议，已达上限；请明天再试，或拨打 12317 监督电话。'
      : '您所在网络今天已提交 {max} 件异议，已达上限；请明天再试，或拨打 12317 监督电话。',
  NOTICE_NOT_IN_FORCE: '公告 {notice} 当前状态为“{status:NoticeStatus}”；请针对正在公示的公告提出异议，或不选公告直接反映问题。',
  DEADLINE_PASSED: '需求 {need} 的截止日期 {deadline} 已过；请驳回，以便重新登记新的截止日期。',
  CAP_OVERRIDE_REQUIRED:
    '需求 {need} 申请 {requested:qty}，超过“{category:NeedCategory}”类上限 {cap:qty}；须填写公开的超限理由才能通过，否则请驳回。',
  OVERRIDE_NOT_NEEDED: '需求 {need} 未超过“{category:NeedCategory}”类上限，不必填写超限理由。',
  REVIEWER_NOT_NAMED: '需求须由具名审核人审核：请使用带有姓名的账号登录。',
  REVIEWER_IS_REGISTRANT: '需求 {need} 由您的单位登记，须由其他审核人审核。',
  NEED_NOT_OPEN: (p) =>
    p.status ? '需求 {need} 当前状态为“{status:NeedStatus}”，不再接受认捐。' : '需求 {need} 尚未通过审核，不接受认捐。',
  NEED_FULLY_PLEDGED: '需求 {need} 已认捐满，没有可认捐的余额。',
  NEED_EXPIRED: '需求 {need} 已于 {deadline} 过期，不再接受认捐。',
  EXCEEDS_REMAINING: '需求 {need} 尚待认捐 {remaining:qty}，本次认捐 {offered:qty}。认捐不能超过需求所缺的数额。',
  EXCEEDS_PLEDGE: '认捐 {pledge} 尚待交付 {remaining:qty}，本次登记 {offered:qty}。交付不能超过认捐的数额。',
  NEED_HAS_OPEN_PLEDGES: '需求 {need} 还有进行中的认捐；待其交付、取消或失效后才能关闭。',
  PLEDGE_NOT_CONFIRMED: '认捐 {pledge} 尚未与村里签约确认，确认后才能登记交付。',
  PLEDGE_LAPSED: '认捐 {pledge} 未在 {confirmBy} 前确认，已失效。如仍愿意帮扶，请重新认捐。',
  ALREADY_RECEIVED: '认捐 {pledge} 的这次交付已于 {receivedOn} 确认收到。',
  // Exits
  OUTCOME_NOT_APPLICABLE: '只有核查属实或部分属实的异议才能登记追回资金、处理措施或整改公告。',
  RECOVERY_MISMATCH: '追回资金与“追回资金”措施须同时填写：有追回金额须选择该措施，选择该措施须填写追回金额。',
  CORRECTING_NOTICE_NOT_PUBLISHED: '整改公告 {notice} 不是现行公告（草稿、已被更正或已撤回）。',
  CORRECTING_NOTICE_ELSEWHERE: '整改公告 {notice} 所属地区与异议所在地区无上下级关系。',
  EXIT_NOT_APPLICABLE: '只有村（出列）和县（摘帽）可以退出。',
  REGION_NOT_POOR: '该地区未登记为贫困村或贫困县，或已经退出。',
  EXIT_UNDER_WAY: '该地区已有一项退出正在进行，请先确认或撤回。',
  NOTICE_OF_AN_EXIT: '这份公示是一项贫困退出的公示，只能随退出一并处理：请先撤回该退出（撤回退出），再重新提出。',
  NO_EXIT_CRITERIA: '该省没有适用于该年度的退出标准。',
  NO_EXIT_FIGURES: '该地区没有该年度的统计数据（县须录入全县统计数据）。',
  EXIT_CRITERIA_NOT_MET: '该年度数据未达到退出标准，未达标的指标见参数。',
  EXIT_NOTICE_PERIOD_RUNNING: '退出公示期尚未结束，公示期满后才能确认。',
  EXIT_OBJECTION_OPEN: '对退出公示的异议尚在受理或调查中，请先答复。',
  EXIT_OBJECTION_UPHELD: '对退出公示的异议经核查属实（或部分属实），不能确认退出，请撤回。',
  // Audit redactions
  OWNER_ELSEWHERE: '{regionName} 不是项目 {project} 所在地范围内的村，资产归项目所建村的村集体所有。',
  PARTS_EXCEED_AMOUNT: '分配给村集体、农户和公益岗位的合计金额超过了当年收益。',
  RECIPIENTS_INCONSISTENT: '有分配金额就须填写受益户数或岗位数；未分配金额时人数应为 0。',
  ASSET_INCOME_RECORDED: '资产 {asset} {year} 年的收益已登记，已公开的收益不再修改。',
  NOT_A_POLICY_NOTICE: '公告 {notice} 不是 {regionName} 或其上级地区已发布的政策公告。',
  ENTITLEMENT_RECORDED: '{regionName} {year} 年该政策（该等级）的标准已登记，已公开的标准不再修改。',
  SUBJECT_NOT_APPLICABLE: '政策公告不关联资金或项目，待遇标准关联到政策公告。',
  AUDIT_ENTRY_NOT_FOUND: '没有序号为 {sequence} 的审计记录。',
  HEADER_FIELD: '“{field}”是审计记录的表头字段（谁、何时、写了什么），不能删除；只能删除 before.* 和 after.* 字段。',
  FIELD_NOT_RECORDED: '审计记录中没有字段“{field}”。',
  NOT_TEXT: '“{field}”不是自由文本；只有文本可以依法删除。',
  ALREADY_REDACTED: '“{field}”已经删除（{redaction}）。',
  TWO_PERSONS_REQUIRED: '删除申请 {redaction} 由您提出，须由另一位审计人员执行或驳回。',
  // Top-level errors of the API
  INVALID_CURSOR: '翻页位置无效，请从第一页重新开始。',
  PAGE_SIZE_EXCEEDED: '每页条数超出范围。',
  INVALID_ARGUMENT: '查询条件“{argument}”无效。',
  UNAUTHENTICATED: '请以“{role:role}”身份登录后再操作。',
  FORBIDDEN: (p) =>
    p.required
      ? '您代表的组织是 {organization}，不是 {required}。'
      : p.grantRegion !== undefined || p.region
        ? '您的“{role:role}”权限范围（{grantRegion}）不包括此记录所在地区。'
        : p.roles !== undefined
          ? '此操作需要“{role:role}”身份；您当前的身份：{roles:roles}。'
          : p.objection
            ? '异议 {objection} 当前状态为“{status:ObjectionStatus}”，您无权查看联系方式。'
            : '您没有进行此操作的权限。',
  // HTTP and GraphQL limits
  METHOD_NOT_ALLOWED: '请求方式不被接受。',
  NOT_ACCEPTABLE: '请求的响应格式不被支持。',
  UNSUPPORTED_MEDIA_TYPE: '请求内容的格式不被支持。',
  PAYLOAD_TOO_LARGE: '提交的内容太大。',
  INVALID_JSON: '请求内容不是有效的 JSON。',
  INVALID_REQUEST: '请求格式有误。',
  QUERY_MISSING: '请求中缺少查询。',
  INVALID_VARIABLES: '查询变量格式有误。',
  BATCHING_NOT_SUPPORTED: '不支持批量请求。',
  RATE_LIMITED: '请求过于频繁：每 {windowSeconds} 秒最多 {limit} 次。请在 {retryAfterSeconds} 秒后重试。',
  DOCUMENT_TOO_DEEP: '查询嵌套过深。',
  BAD_REQUEST: '请求格式有误。',
  INTERNAL_SERVER_ERROR: '服务器出错，已记录。请稍后再试。',
  TOO_MANY_FIELDS: '查询的字段太多。',
  TOO_MANY_ALIASES: '查询的别名太多。',
  TOO_MANY_ROOT_FIELDS: '一次查询的内容太多。',
  TIMEOUT: '查询超时，请缩小范围后重试。',
  COMPLEXITY: '查询太复杂，请缩小范围后重试。',
  EXPORTS_BUSY: '导出服务繁忙，请稍后重试。',
  EXPORT_NOT_FOUND: '没有这项导出。',
  DUMP_FAILED: '数据包生成失败，请稍后重试。',
  // Onboarding: organisations, programs, memberships and pairings
  INVALID_CREDIT_CODE: '统一社会信用代码不正确：应为 18 位数字或大写字母（不用 I、O、S、V、Z，不用全角字符），最后一位校验码须正确。',
  DUPLICATE_CREDIT_CODE: '已有组织使用该统一社会信用代码登记。',
  ONE_LOCATION_REQUIRED: '组织所在地须二选一：本站收录省份内的地区，或本站以外的省级代码加地名。',
  INVALID_PROVINCE_CODE: '不是全国省级行政区划代码（GB/T 2260）。',
  PROVINCE_HELD: '本站收录该省的地区，请直接选择组织所在的地区。',
  INVALID_PROGRAM_CODE: '项目计划代码应为 2 至 16 位大写字母或数字，以字母开头。',
  DUPLICATE_CODE: '已有同类记录使用该代码。',
  YEARS_OUT_OF_ORDER: '结束年份早于开始年份。',
  PROGRAM_ENDED: '该帮扶计划已过最后年份，不再接收新成员或新结对。',
  ALREADY_A_MEMBER: '该组织已是该帮扶计划的成员。',
  APPLICATION_PENDING: '该组织加入该帮扶计划的申请正在等待决定。',
  ONE_HELPER_REQUIRED: '结对须且只能有一个帮扶方：一个组织或一个地区。',
  HELPER_IS_HELPED: '帮扶地区不能是被帮扶地区本身，也不能包含它或位于其中。',
  WORK_TEAM_ACTIVE: '该村已有在岗的驻村工作队，请先结束后再派驻新的工作队。',
  FIRST_SECRETARY_UNIT_LEVEL: '第一书记须由县级以上（不含县级）单位选派，所选单位为县级或县级以下单位。',
  DUPLICATE_UNIT: '同一年度的统计中，同一帮扶单位只能出现一次。',
  HELPED_EXCEEDS_HOUSEHOLDS: '有帮扶责任人的户数不能多于该村当年的贫困户数。',
  // Grants
  GRANT_HELD: '此人已持有相同角色、地区和组织的有效授权。',
  GRANT_REVOKED: '该授权已被撤销。',
  LAST_ADMIN: '这是最后一个有效的管理员授权，不能撤销。',
  // The page's own: the request never reached the API
  NETWORK: '无法连接服务器，请检查网络后重试。',
  // Warnings: written all the same
  OVER_BUDGET: '已保存，但该项目的安排资金合计已超过项目预算，请核对。',
} satisfies Record<string, Wording>;

export type ErrorCodeName = keyof typeof zhErrors;

const enErrors: Record<ErrorCodeName, Wording> = {
  REQUIRED: (p) =>
    p.level ? 'A {level:RegionLevel} notice runs a notice period of at least {min} days; give it.' : '“{field}” is required.',
  TOO_LONG: '“{field}” may have at most {max} characters; it has {length}.',
  TOO_MANY: '“{field}” may hold at most {max} entries; it has {count}.',
  PERSONAL_DATA:
    '“{field}” contains what looks like {kind:personal}. Public text may not hold personal data of households: take it out, or describe them in counts or anonymously.',
  INVALID_AMOUNT: '“{field}” must be more than 0 and at most {maxFen}; it was {valueFen}.',
  INVALID_QUANTITY: (p) =>
    p.max ? 'The quantity must be more than 0 and at most {max}; it was {value}.' : 'The quantity must be more than 0; it was {value}.',
  INVALID_COUNT: '“{field}” must be from 0 to {max}; it was {value}.',
  COUNTS_INCONSISTENT: '{people} people cannot be fewer than {households} households: each household has at least one person.',
  INVALID_YEAR: (p) =>
    p.min
      ? '“{field}” must be a year from {min} to {max}; it was {value}.'
      : '{value} is in the future; report a year once it has figures.',
  INVALID_DATE: (p) =>
    p.fiscalYear
      ? '“{field}” ({date}) must fall within a year of fiscal year {fiscalYear}.'
      : p.maxDays
        ? '“{field}” ({date}) must be after today and within {maxDays} days.'
        : p.from
          ? '“{field}” ({date}) must fall between {from} and today ({today}).'
          : p.minYear
            ? '“{field}” ({date}) must be a date from {minYear} up to today ({today}).'
            : '“{field}” ({date}) is in the future; record it once it has happened.',
  DATES_OUT_OF_ORDER: 'The end ({end}) is before the start ({start}).',
  INVALID_PHONE: (p) =>
    p.expected === 'OFFICE_LINE'
      ? '“{field}” must be an office landline such as 0776-7612317 or a 12xxx service number; it was {value}.'
      : '“{field}” is not a phone number (digits, spaces, dashes, an optional leading +); it was {value}.',
  INVALID_UNIT: 'Give money as an amount in fen, not as a quantity of fen.',
  UNIT_NOT_APPLICABLE: 'Money is counted in fen; leave the unit out.',
  UNIT_MISMATCH: 'Need {need} is counted in {unit}; pledge in that unit.',
  AMBIGUOUS_AMOUNT: 'Give either an amount of money or a quantity, not both.',
  DUPLICATE_INDICATOR: 'The indicator “{indicator}” is given twice.',
  NOTHING_TO_RECORD: 'Nothing to record: give beneficiary counts or performance actuals.',
  INVALID_ID: '“{id}” is not the ID of a record of this kind.',
  NOT_FOUND: (p) => (p.code ? 'No {record:record} has the code {code}.' : 'The {record:record} no longer exists.'),
  INVALID_REGION_CODE: '“{code}” is not a statistical region code (2, 4, 6, 9 or 12 digits).',
  REGION_NOT_FOUND: 'No region has the code {code}.',
  ORGANIZATION_NOT_FOUND: 'The organisation you signed in for ({organization}) is not registered with OpenAid.',
  TARGET_NOT_FOUND: 'Project {project} has no target “{indicator}”; it has: {indicators}.',
  NOT_A_VILLAGE: '{regionName} is a {level:RegionLevel}; this is done for a village (or township).',
  NOT_A_COUNTY: 'County-wide statistics are recorded for a county; this region is not one.',
  NOT_A_PROVINCE: 'The rural per-capita average is recorded for a province; this region is not one.',
  NOT_VILLAGE_OR_COUNTY: '{regionName} is a {level:RegionLevel}; monitoring counts are recorded per village or county.',
  REGION_NOT_APPLICABLE: "An objection to a notice concerns the notice's region; leave the region out.",
  SUBJECT_REQUIRED: 'A fund notice names at least one fund, a project notice at least one project.',
  SUBJECT_OUTSIDE_REGION: '{subject} belongs to region {subjectRegion}, which neither lies within nor contains {regionName}.',
  PROJECT_OUTSIDE_FUND_REGION: 'Project {project} lies outside the region of fund {fund}.',
  PROJECT_ELSEWHERE: 'Project {project} is carried out neither in {regionName} nor in a region above it.',
  PAIRING_ELSEWHERE: 'Pairing {pairing} helps a region that does not contain {regionName}.',
  ONE_TARGET_REQUIRED: 'Pledge against exactly one of a need, a project or a village.',
  NOT_A_MEMBER: 'Your organisation has not joined {programName}; pledge without a program or for one it joined.',
  KIND_MISMATCH: (p) =>
    p.unit === 'fen'
      ? 'Need {need} asks money; a {kind:PledgeKind} pledge does not fit it.'
      : 'Need {need} asks a quantity in {unit}; a {kind:PledgeKind} pledge does not fit it.',
  FUND_NOT_ALLOCATED: 'Fund {fund} has no allocation to project {project}; allocate it first.',
  PROVIDER_ELSEWHERE: "Region {providerRegion} is neither the fund's region nor the helper of a pairing that helps the project's place.",
  DUPLICATE_DOCUMENT_NUMBER: 'A fund of {fiscalYear} already has the document number {documentNumber}.',
  AMOUNT_EXCEEDS_FUND: 'Only {remainingFen} of fund {fund} is left to allocate or transfer; {askedFen} was asked.',
  ALLOCATION_ABOVE_COUNTY: 'Fund {fund} is held above county level: transfer it to a county fund or integrated pool, which allocates it to projects.',
  TRANSFER_NOT_DOWN: 'Money moves to a fund of a lower region or into a county integrated pool: {toFund} is not below {fund}, or a pool passes nothing on.',
  TRANSFER_OUTSIDE_REGION: 'Fund {toFund} lies outside the region of fund {fund}.',
  TRANSFER_SOURCE_MISMATCH: 'Block fund {toFund} must have the source and level of fund {fund}; only an integrated pool takes money of any source.',
  INVALID_POOL: 'An integrated pool is held by a county, of integrated agriculture funds at county level, with no money of its own.',
  DISBURSEMENT_EXCEEDS_COMMITMENT: 'Project {project} has {remainingFen} committed and not yet disbursed; {askedFen} was asked.',
  EXPENDITURE_EXCEEDS_DISBURSEMENT: 'Project {project} has {remainingFen} disbursed and not yet spent; {askedFen} was asked.',
  EXCEEDS_ALLOCATION:
    'Fund {fund} allocated {allocatedFen} to project {project}, of which {recordedFen} is already recorded as {kind:TransactionKind}; {askedFen} was asked.',
  TOTAL_TOO_LARGE: '“{field}” would take the total of all such amounts beyond {maxFen} (it is {totalFen}).',
  OVERDUE_EXCEEDS_BALANCE: 'The overdue amount is part of the outstanding balance and cannot exceed it.',
  PLEDGE_NOT_HERE: 'Pledges are made on a need’s page, not recorded as transactions.',
  INVALID_TRANSITION: '{record:record} {code} is {status:@record}; this step is not possible now.',
  INVALID_STATE: 'Project {code} is {status:ProjectStatus}; results are recorded while a project is implementing or accepted.',
  PROJECT_NOT_ACTIVE: 'Project {project} is {status:ProjectStatus}; only active projects take this.',
  REASON_NOT_APPLICABLE: 'This step takes no reason; leave it out.',
  NOTICE_NOT_DRAFT: 'Notice {code} is {status:NoticeStatus}, not a draft. Published notices are never edited: correct or withdraw it.',
  NOTICE_NOT_PUBLISHED: 'Notice {code} is {status:NoticeStatus}; only the notice in force can be corrected or withdrawn.',
  NOTICE_PERIOD_NOT_APPLICABLE:
    '{regionName} is a {level:RegionLevel}: notices at county level and above have no notice period; leave it out.',
  NOTICE_PERIOD_TOO_SHORT: 'Township and village notices run at least {min} days for objections; it was {days}.',
  NOTICE_PERIOD_TOO_LONG: 'A notice period may be at most {max} days; it was {days}.',
  NOTICE_PERIOD_ENDED: 'The notice period of {notice} ended on {endedOn}. To report misuse, file without a notice and name the region.',
  TOO_MANY_OBJECTIONS: (p) =>
    p.scope === 'REGION'
      ? 'At most {max} objections a day are taken about this region; try again tomorrow, or call the 12317 supervision line.'
      : 'At most {max} objections a day may be filed from where you file; try again tomorrow, or call the 12317 supervision line.',
  NOTICE_NOT_IN_FORCE: 'Notice {notice} is {status:NoticeStatus}; object to the notice in force, or report misuse without a notice.',
  DEADLINE_PASSED: 'Need {need} had a deadline of {deadline}, which has passed; reject it so that it can be registered again.',
  CAP_OVERRIDE_REQUIRED:
    'Need {need} asks {requested:qty}, over the {category:NeedCategory} cap of {cap:qty}. Approve it only with a public override reason, or reject it.',
  OVERRIDE_NOT_NEEDED: 'Need {need} is within the {category:NeedCategory} cap; leave the override reason out.',
  REVIEWER_NOT_NAMED: 'Needs are approved by a named reviewer: sign in with an account that carries your name.',
  REVIEWER_IS_REGISTRANT: 'Your organisation registered need {need}; another reviewer decides on it.',
  NEED_NOT_OPEN: (p) =>
    p.status
      ? 'Need {need} is {status:NeedStatus} and takes no more pledges.'
      : 'Need {need} is not open for pledges: only approved needs are.',
  NEED_FULLY_PLEDGED: 'Need {need} is fully pledged: nothing is left to pledge.',
  NEED_EXPIRED: 'Need {need} expired on {deadline}; it takes no more pledges.',
  EXCEEDS_REMAINING:
    'Need {need} has {remaining:qty} left to pledge; {offered:qty} was offered. A need is never pledged beyond what it asks.',
  EXCEEDS_PLEDGE: 'Pledge {pledge} has {remaining:qty} left to deliver; {offered:qty} was recorded.',
  NEED_HAS_OPEN_PLEDGES: 'Need {need} still has pledges under way; it closes once they are delivered, cancelled or lapse.',
  PLEDGE_NOT_CONFIRMED: 'Pledge {pledge} has no agreement yet: it is delivered once the village confirmed it.',
  PLEDGE_LAPSED: 'Pledge {pledge} lapsed: it was not confirmed by {confirmBy}. Pledge again if the offer stands.',
  ALREADY_RECEIVED: 'This delivery of pledge {pledge} was confirmed as received on {receivedOn}.',
  // Exits
  OUTCOME_NOT_APPLICABLE: 'Money recovered, measures and a correcting notice are recorded only for an upheld or partly upheld objection.',
  RECOVERY_MISMATCH: 'Money recovered and the “recovery” measure go together: give both or neither.',
  CORRECTING_NOTICE_NOT_PUBLISHED: 'Correcting notice {notice} is not the notice in force (a draft, superseded or withdrawn).',
  CORRECTING_NOTICE_ELSEWHERE: 'Correcting notice {notice} is for a region neither within nor above the objection’s region.',
  EXIT_NOT_APPLICABLE: 'Only a village (出列) or a county (摘帽) exits.',
  REGION_NOT_POOR: 'The region is not registered as poor, or has exited already.',
  EXIT_UNDER_WAY: 'An exit of the region is already proposed; confirm or withdraw it first.',
  NOTICE_OF_AN_EXIT: 'This is the notice of an exit and changes only with it: withdraw the exit (withdrawExit), then propose it again.',
  NO_EXIT_CRITERIA: 'No exit criterion of the province applies to the year.',
  NO_EXIT_FIGURES: 'The region has no statistics for the year (a county: county-wide statistics).',
  EXIT_CRITERIA_NOT_MET: "The year's figures miss thresholds of the exit criteria; the missed thresholds are named.",
  EXIT_NOTICE_PERIOD_RUNNING: "The exit's notice period has not ended; confirm it after that day.",
  EXIT_OBJECTION_OPEN: 'An objection to the exit notice is still open; answer it first.',
  EXIT_OBJECTION_UPHELD: 'An objection to the exit notice was upheld (or partly): the exit cannot be confirmed; withdraw it.',
  OWNER_ELSEWHERE:
    '{regionName} is not a village within the place of project {project}; an asset is owned by the collective of a village the project built for.',
  PARTS_EXCEED_AMOUNT: "The parts distributed to the collective, households and jobs add up to more than the year's income.",
  RECIPIENTS_INCONSISTENT: 'Money paid to households or jobs needs its recipients counted, and recipients are counted only of money paid.',
  ASSET_INCOME_RECORDED: 'The income of asset {asset} in {year} is recorded already; published income is not edited.',
  NOT_A_POLICY_NOTICE: 'Notice {notice} is not a published policy notice of {regionName} or a region above it.',
  ENTITLEMENT_RECORDED:
    "{regionName} has this policy's standard (of this grade) for {year} recorded already; published standards are not edited.",
  SUBJECT_NOT_APPLICABLE: 'A policy notice names no funds or projects; its entitlement standards point at it.',
  AUDIT_ENTRY_NOT_FOUND: 'No audit entry has the sequence {sequence}.',
  HEADER_FIELD: '“{field}” is a header field of the entry; only before.* and after.* fields can be redacted.',
  FIELD_NOT_RECORDED: 'The audit entry holds no value under “{field}”.',
  NOT_TEXT: '“{field}” is not free text; only text can be redacted.',
  ALREADY_REDACTED: '“{field}” is redacted already ({redaction}).',
  TWO_PERSONS_REQUIRED: 'You requested redaction {redaction}; another Auditor must perform or decline it.',
  INVALID_CURSOR: 'The page position is not valid; start again from the first page.',
  PAGE_SIZE_EXCEEDED: 'Too many records asked for one page.',
  INVALID_ARGUMENT: 'The filter “{argument}” is not valid.',
  UNAUTHENTICATED: 'Sign in as {role:role} to do this.',
  FORBIDDEN: (p) =>
    p.required
      ? 'You act for organisation {organization}, not {required}.'
      : p.grantRegion !== undefined || p.region
        ? 'Your {role:role} grant ({grantRegion}) does not reach the region of this record.'
        : p.roles !== undefined
          ? 'This needs the {role:role} role; you are signed in as {roles:roles}.'
          : p.objection
            ? 'Objection {objection} is {status:ObjectionStatus}; you may not read its contact.'
            : 'You may not do this.',
  METHOD_NOT_ALLOWED: 'This request method is not accepted.',
  NOT_ACCEPTABLE: 'The response format asked for is not supported.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body format is not supported.',
  PAYLOAD_TOO_LARGE: 'What was sent is too large.',
  INVALID_JSON: 'The request body is not valid JSON.',
  INVALID_REQUEST: 'The request is malformed.',
  QUERY_MISSING: 'The request holds no query.',
  INVALID_VARIABLES: 'The query variables are malformed.',
  BATCHING_NOT_SUPPORTED: 'Batched requests are not supported.',
  RATE_LIMITED: 'Too many requests: at most {limit} every {windowSeconds} seconds. Try again in {retryAfterSeconds} s.',
  DOCUMENT_TOO_DEEP: 'The query is nested too deeply.',
  BAD_REQUEST: 'The request is malformed.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side; it has been logged. Try again later.',
  TOO_MANY_FIELDS: 'The query selects too many fields.',
  TOO_MANY_ALIASES: 'The query has too many aliases.',
  TOO_MANY_ROOT_FIELDS: 'The query asks for too much at once.',
  TIMEOUT: 'The query took too long; narrow it and try again.',
  COMPLEXITY: 'The query is too complex; narrow it and try again.',
  EXPORTS_BUSY: 'The exports are busy; try again shortly.',
  EXPORT_NOT_FOUND: 'There is no such export.',
  DUMP_FAILED: 'The data dump could not be made; try again later.',
  INVALID_CREDIT_CODE:
    'Not a unified social credit code: 18 digits or capital letters (no I, O, S, V or Z, no full-width characters) ending in the right check character.',
  DUPLICATE_CREDIT_CODE: 'Another organisation is registered with this unified social credit code.',
  ONE_LOCATION_REQUIRED:
    'Locate the organisation in one way: a region of the provinces OpenAid holds, or a province-level code outside them with a place name.',
  INVALID_PROVINCE_CODE: 'Not a province-level code of the national list (GB/T 2260).',
  PROVINCE_HELD: "OpenAid holds the places of this province: choose the organisation's region instead.",
  INVALID_PROGRAM_CODE: 'A program code has 2–16 capital letters and digits and starts with a letter.',
  DUPLICATE_CODE: 'Another record of this kind already has the code.',
  YEARS_OUT_OF_ORDER: 'The last year is before the first year.',
  PROGRAM_ENDED: 'The program has passed its last year: it takes no new members or pairings.',
  ALREADY_A_MEMBER: 'The organisation is a member of the program already.',
  APPLICATION_PENDING: "The organisation's application to the program is waiting for its decision.",
  ONE_HELPER_REQUIRED: 'A pairing names exactly one helper: an organisation or a region.',
  HELPER_IS_HELPED: 'A helper region cannot be, contain or lie within the region it helps.',
  WORK_TEAM_ACTIVE: 'The village has an active work team; end it before assigning another.',
  FIRST_SECRETARY_UNIT_LEVEL: 'A first secretary is sent by a unit above county level; the unit chosen is at county level or below.',
  DUPLICATE_UNIT: "Each assisting unit may appear only once in a year's counts.",
  HELPED_EXCEEDS_HOUSEHOLDS: "Households with a named helper cannot be more than the village's poor households of the year.",
  GRANT_HELD: 'The person already holds an active grant of this role, region and organisation.',
  GRANT_REVOKED: 'The grant was revoked already.',
  LAST_ADMIN: 'The last active Admin grant cannot be revoked.',
  NETWORK: 'The server could not be reached; check the connection and try again.',
  OVER_BUDGET: 'Saved, but the allocations to this project now add up to more than its budget; check them.',
};

const wordings: Record<Lang, Record<ErrorCodeName, Wording>> = { zh: zhErrors, en: enErrors };
const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

const personal: Record<Lang, Record<string, string>> = {
  zh: {
    RESIDENT_ID_NUMBER: '居民身份证号码',
    MOBILE_PHONE_NUMBER: '手机号码',
    BANK_CARD_NUMBER: '银行卡号',
    EMAIL_ADDRESS: '电子邮箱地址',
  },
  en: {
    RESIDENT_ID_NUMBER: 'a resident ID number',
    MOBILE_PHONE_NUMBER: 'a mobile phone number',
    BANK_CARD_NUMBER: 'a bank card number',
    EMAIL_ADDRESS: 'an e-mail address',
  },
};

const records: Record<Lang, Record<string, string>> = {
  zh: {
    Need: '需求',
    Pledge: '认捐',
    PledgeDelivery: '交付记录',
    Project: '项目',
    Fund: '资金',
    Notice: '公告',
    Objection: '异议',
    Organization: '组织',
    Program: '帮扶项目',
    Pairing: '结对',
    AuditRedaction: '删除申请',
    Exit: '退出记录',
  },
  en: {
    Need: 'need',
    Pledge: 'pledge',
    PledgeDelivery: 'delivery',
    Project: 'project',
    Fund: 'fund',
    Notice: 'notice',
    Objection: 'objection',
    Organization: 'organisation',
    Program: 'program',
    Pairing: 'pairing',
    AuditRedaction: 'redaction',
    Exit: 'exit',
  },
};

/** Input fields by the name the API gives them, as the forms label them; other names are shown as they are. */
const fields: Record<Lang, Record<string, string>> = {
  zh: {
    description: '具体情况',
    contactName: '联系人',
    contactPhone: '联系电话',
    title: '标题',
    body: '正文',
    reason: '理由',
    capOverrideReason: '超限理由',
    quantity: '数量',
    amountFen: '金额',
    unit: '单位',
    deadline: '截止日期',
    region: '地区',
    notice: '公告',
    need: '需求',
    pledge: '认捐',
    project: '项目',
    fund: '资金',
    program: '帮扶项目',
    evidence: '交付凭证',
    noticePeriodDays: '公示期',
    localSupervisionPhone: '本地监督电话',
    decidedOn: '决定日期',
    confirmBy: '确认期限',
    deliveredOn: '交付日期',
    plannedStart: '计划开工日期',
    plannedEnd: '计划完工日期',
    on: '日期',
    year: '年份',
    exit: '退出记录',
    verifyingOrganization: '验收单位',
    responsibleRole: '责任人职务',
    province: '省份',
    fiscalYear: '财年',
    name: '名称',
    documentNumber: '文号',
    search: '搜索',
    first: '每页条数',
    code: '代码',
  },
  en: {
    description: 'What happened',
    contactName: 'Name',
    contactPhone: 'Phone',
    title: 'Title',
    body: 'Text',
    reason: 'Reason',
    capOverrideReason: 'Override reason',
    quantity: 'Quantity',
    amountFen: 'Amount',
    unit: 'Unit',
    deadline: 'Deadline',
    region: 'Region',
    notice: 'Notice',
    need: 'Need',
    pledge: 'Pledge',
    project: 'Project',
    fund: 'Fund',
    program: 'Program',
    evidence: 'Evidence',
    noticePeriodDays: 'Notice period',
    localSupervisionPhone: 'Local supervision phone',
    decidedOn: 'Decided on',
    confirmBy: 'Confirm by',
    deliveredOn: 'Delivered on',
    plannedStart: 'Planned start',
    plannedEnd: 'Planned end',
    on: 'Date',
    year: 'Year',
    exit: 'Exit',
    verifyingOrganization: 'Verifying unit',
    responsibleRole: 'Responsible role',
    province: 'Province',
    fiscalYear: 'Fiscal year',
    name: 'Name',
    documentNumber: 'Document number',
    search: 'Search',
    first: 'Page size',
    code: 'Code',
  },
};

/** A role as the page's language names it (Publisher → 发布单位); unknown roles as they are. */
export function roleLabel(role: string, lang: Lang): string {
  const key = `history.role.${role}`;
  return key in messages[lang] ? messages[lang][key as MessageKey] : role;
}

/** An input field's label, for errors naming it. */
export function fieldLabel(field: string, lang: Lang): string {
  return fields[lang][field] ?? field;
}

function enumLabel(enumName: string, value: string, lang: Lang): string {
  const key = `enum.${enumName}.${value}`;
  return key in messages[lang] ? messages[lang][key as MessageKey] : value;
}

/** Fen as digits (may pass 2^53) → ¥1,234.56. */
function money(fen: string): string {
  if (!/^-?\d+$/.test(fen)) return fen;
  const negative = fen.startsWith('-');
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0');
  return formatYuan(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

function fill(template: string, p: Params, lang: Lang): string {
  return template
    .replace(/\{(\w+)(?::(@?\w+))?\}/g, (_, name: string, kind: string | undefined) => {
      const value = p[name];
      if (name === 'field' || name === 'argument') return value ? fieldLabel(value, lang) : lang === 'zh' ? '此项' : 'this field';
      if (value === undefined || value === '') return '—';
      if (kind === 'qty') return p.unit === 'fen' ? money(value) : `${value} ${p.unit ?? ''}`.trim();
      if (kind === 'personal') return personal[lang][value] ?? value;
      if (kind === 'record') return records[lang][value] ?? value;
      if (kind === 'role')
        return value
          .split(',')
          .map((r) => roleLabel(r, lang))
          .join(lang === 'zh' ? '或' : ' or ');
      if (kind === 'roles')
        return value
          ? value
              .split(',')
              .map((r) => roleLabel(r, lang))
              .join(lang === 'zh' ? '、' : ', ')
          : '—';
      if (kind?.startsWith('@')) return p[kind.slice(1)] ? enumLabel(`${p[kind.slice(1)]}Status`, value, lang) : value;
      if (kind) return enumLabel(kind, value, lang);
      if (name.endsWith('Fen')) return money(value);
      return value;
    })
    .replace(/\{\w+\}/g, '—');
}

/** Whether the web app words this code (every code the API declares; see the test named above). */
export function isKnownCode(code: string): code is ErrorCodeName {
  return code in zhErrors;
}

/** The code of a problem the page's own form check found: its message is already in the reader's language. */
export const formCheck = 'FORM_CHECK';

/** An API error in the reader's language, from its code and parameters; an unknown code is named, never guessed. */
export function describeError(error: ApiErrorLike, lang: Lang): string {
  if (error.code === formCheck) return error.message ?? '';
  const p: Params = {};
  for (const { name, value } of error.params ?? []) p[name] = value;
  if (error.field && p.field === undefined) p.field = error.field;
  if (!isKnownCode(error.code)) {
    // A code newer than this page: in English the API's own message says it best; in Chinese, say what is known.
    return lang === 'en' && error.message
      ? error.message
      : fill(lang === 'zh' ? '请求未被接受（{code}）。' : 'The request was refused ({code}).', { code: error.code }, lang);
  }
  const wording = wordings[lang][error.code];
  return fill(typeof wording === 'function' ? wording(p) : wording, p, lang);
}

/** The top-level errors of a failed request, as payload errors are: code and params from each GraphQL error's extensions. */
export function topLevelErrors(error: CombinedError): ApiErrorLike[] {
  return error.graphQLErrors.map((e) => {
    const extensions = (e.extensions ?? {}) as { code?: unknown; params?: unknown };
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    const params = Array.isArray(extensions.params) ? (extensions.params as ErrorParameter[]) : [];
    return { code, message: e.message, params };
  });
}

/** The top-level errors of a failed request (a GraphQL error's extensions, or a network failure), each worded. */
export function describeCombinedError(error: CombinedError, lang: Lang): string[] {
  if (error.graphQLErrors.length > 0) return topLevelErrors(error).map((e) => describeError(e, lang));
  return [describeError({ code: 'NETWORK' }, lang)];
}
