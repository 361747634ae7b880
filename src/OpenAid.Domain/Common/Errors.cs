namespace OpenAid.Domain.Common;

/// <summary>
/// A stable, machine-readable reason why an operation wrote nothing. Clients switch on <see cref="Code"/>; the
/// message that comes with each error says what to do in the case at hand, in English, and its parameters (named in
/// <see cref="Params"/>, each given when the case has it) let a client word it in its reader's language.
/// </summary>
public sealed record ErrorCode(string Code, string Meaning, string Field, string Params = "—");

/// <summary>
/// Every code a business rule can refuse a mutation with, each documented once: the README's table of mutation
/// errors is tested against this list, and <see cref="DomainException"/> takes nothing else.
/// </summary>
public static class Errors
{
    // Input values
    public static readonly ErrorCode Required = new("REQUIRED", "A required value is missing or blank.", "the field named", "level, min");
    public static readonly ErrorCode TooLong = new("TOO_LONG", "A text is longer than its field allows.", "the field named", "max, length");
    public static readonly ErrorCode TooMany = new("TOO_MANY", "A list holds more entries than allowed.", "the list named", "max, count");
    public static readonly ErrorCode PersonalData = new("PERSONAL_DATA", "Public text holds what looks like personal contact or identity data.", "the text field named", "kind");
    public static readonly ErrorCode InvalidAmount = new("INVALID_AMOUNT", "An amount in fen is not more than 0, or is above ¥1 trillion.", "amountFen and other *Fen fields", "maxFen, valueFen");
    public static readonly ErrorCode InvalidQuantity = new("INVALID_QUANTITY", "A quantity is not more than 0, or is beyond what any need could ask.", "quantity", "max, value");
    public static readonly ErrorCode InvalidCount = new("INVALID_COUNT", "A count is negative, or larger than what it is part of (poor people above the population).", "the count named", "max, value");
    public static readonly ErrorCode CountsInconsistent = new("COUNTS_INCONSISTENT", "Counts contradict each other (fewer people than households).", "beneficiaryPeople", "people, households");
    public static readonly ErrorCode InvalidYear = new("INVALID_YEAR", "A year is outside 2000–2100, or in the future where only past years make sense.", "year, fiscalYear", "min, max, value");
    public static readonly ErrorCode InvalidDate = new("INVALID_DATE", "A date is outside what the operation allows (in the future, too far from the fiscal year, not after today).", "the date field named", "date, fiscalYear, today, minYear, maxDays, from");
    public static readonly ErrorCode DatesOutOfOrder = new("DATES_OUT_OF_ORDER", "An end date is before its start date.", "plannedEnd", "end, start");
    public static readonly ErrorCode InvalidPhone = new("INVALID_PHONE", "Not a phone number of the kind asked for (an office line or 12xxx service number for notices).", "localSupervisionPhone, contactPhone", "expected, value");
    public static readonly ErrorCode InvalidUnit = new("INVALID_UNIT", "Money was given as a quantity of fen instead of as amountFen.", "unit", "—");
    public static readonly ErrorCode UnitNotApplicable = new("UNIT_NOT_APPLICABLE", "A unit was given with an amount of money, which is always counted in fen.", "unit", "—");
    public static readonly ErrorCode UnitMismatch = new("UNIT_MISMATCH", "A pledge is counted in another unit than its need.", "unit", "need, unit");
    public static readonly ErrorCode AmbiguousAmount = new("AMBIGUOUS_AMOUNT", "Both an amount of money and a quantity were given; give one.", "quantity", "—");
    public static readonly ErrorCode DuplicateIndicator = new("DUPLICATE_INDICATOR", "A performance indicator is named twice.", "targets.indicator", "indicator");
    public static readonly ErrorCode NothingToRecord = new("NOTHING_TO_RECORD", "The operation was given nothing to record.", "—", "—");

    // References
    public static readonly ErrorCode InvalidId = new("INVALID_ID", "Not the ID of a record of the kind asked for.", "the ID named", "id, expected");
    public static readonly ErrorCode NotFound = new("NOT_FOUND", "No record has the code given.", "the reference named", "record, code");
    public static readonly ErrorCode InvalidRegionCode = new("INVALID_REGION_CODE", "Not a statistical region code of 2, 4, 6, 9 or 12 digits.", "region and other region codes", "code");
    public static readonly ErrorCode RegionNotFound = new("REGION_NOT_FOUND", "No region has the code given.", "region and other region codes", "code");
    public static readonly ErrorCode OrganizationNotFound = new("ORGANIZATION_NOT_FOUND", "The organisation the caller's sign-in names is not held by OpenAid.", "—", "organization");
    public static readonly ErrorCode TargetNotFound = new("TARGET_NOT_FOUND", "A project has no performance target with the indicator given.", "actuals.indicator", "project, indicator, indicators");
    public static readonly ErrorCode NotAVillage = new("NOT_A_VILLAGE", "The operation is for a village (or township) and the region is not one.", "region", "regionName, level");
    public static readonly ErrorCode NotACounty = new("NOT_A_COUNTY", "County-wide statistics are recorded for a county and the region is not one.", "region", "regionName, level");
    public static readonly ErrorCode NotAProvince = new("NOT_A_PROVINCE", "The rural per-capita average is recorded for a province and the region is not one.", "province", "regionName, level");
    public static readonly ErrorCode NotVillageOrCounty = new("NOT_VILLAGE_OR_COUNTY", "Monitoring counts (exits, relapses, monitored households) are recorded per village or county, and the region is neither.", "region", "regionName, level");
    public static readonly ErrorCode RegionNotApplicable = new("REGION_NOT_APPLICABLE", "A region was given where it follows from another reference (an objection to a notice).", "region", "—");
    public static readonly ErrorCode SubjectRequired = new("SUBJECT_REQUIRED", "A fund or project notice names no fund or project.", "funds, projects", "—");
    public static readonly ErrorCode SubjectOutsideRegion = new("SUBJECT_OUTSIDE_REGION", "A fund or project of a notice neither lies within nor contains the notice's region.", "funds, projects", "subject, subjectRegion, regionName");
    public static readonly ErrorCode ProjectOutsideFundRegion = new("PROJECT_OUTSIDE_FUND_REGION", "A project lies outside the region of the fund allocated to it.", "project", "project, fund");
    public static readonly ErrorCode ProjectElsewhere = new("PROJECT_ELSEWHERE", "A need's project is carried out neither in its place nor above it.", "project", "project, regionName");
    public static readonly ErrorCode PairingElsewhere = new("PAIRING_ELSEWHERE", "A need's pairing helps a region that does not contain its place.", "pairing", "pairing, regionName");
    public static readonly ErrorCode OneTargetRequired = new("ONE_TARGET_REQUIRED", "A pledge names none, or more than one, of a need, a project and a village.", "need", "—");
    public static readonly ErrorCode NotAMember = new("NOT_A_MEMBER", "The donor has not joined the program named.", "program", "organization, program, programName");
    public static readonly ErrorCode KindMismatch = new("KIND_MISMATCH", "A pledge of this kind does not fit what the need asks (money or a quantity).", "kind", "need, unit, kind");
    public static readonly ErrorCode FundNotAllocated = new("FUND_NOT_ALLOCATED", "Money is recorded against a fund that has no allocation to the project.", "fund", "fund, project");
    public static readonly ErrorCode ProviderElsewhere = new("PROVIDER_ELSEWHERE", "A provider region follows neither from the fund (its region) nor from a pairing that helps the project's place that year.", "providerRegion", "providerRegion, fund");
    public static readonly ErrorCode DuplicateDocumentNumber = new("DUPLICATE_DOCUMENT_NUMBER", "A fund of the same fiscal year already has the document number (文号).", "documentNumber", "fiscalYear, documentNumber");

    // Money
    public static readonly ErrorCode AmountExceedsFund = new("AMOUNT_EXCEEDS_FUND", "An allocation or transfer would take a fund beyond what it still holds.", "amountFen", "fund, remainingFen, askedFen");
    public static readonly ErrorCode AllocationAboveCounty = new("ALLOCATION_ABOVE_COUNTY", "Funds reach projects from a county's fund or pool (四到县); a fund held above county level transfers its money down first.", "fund", "fund");
    public static readonly ErrorCode TransferNotDown = new("TRANSFER_NOT_DOWN", "A transfer moves money to a fund of a lower region or into a county's integrated pool; not to itself, sideways, upwards, or out of a pool.", "toFund", "fund, toFund");
    public static readonly ErrorCode TransferOutsideRegion = new("TRANSFER_OUTSIDE_REGION", "The receiving fund lies outside the region of the fund giving the money.", "toFund", "fund, toFund");
    public static readonly ErrorCode TransferSourceMismatch = new("TRANSFER_SOURCE_MISMATCH", "A block fund carries the source and level of the fund it is cut from; only a pool takes money of any source.", "toFund", "fund, toFund, sourceType, level");
    public static readonly ErrorCode InvalidPool = new("INVALID_POOL", "An integrated pool is a county's fund of integrated agriculture money (level COUNTY) that holds only what it receives.", "region, sourceType, level, amountFen", "—");
    public static readonly ErrorCode DisbursementExceedsCommitment = new("DISBURSEMENT_EXCEEDS_COMMITMENT", "A project's disbursements would exceed its commitments.", "amountFen", "project, remainingFen, askedFen");
    public static readonly ErrorCode ExpenditureExceedsDisbursement = new("EXPENDITURE_EXCEEDS_DISBURSEMENT", "A project's expenditures would exceed its disbursements.", "amountFen", "project, remainingFen, askedFen");
    public static readonly ErrorCode ExceedsAllocation = new("EXCEEDS_ALLOCATION", "Money of one kind recorded from a fund for a project would exceed what the fund allocated to it.", "amountFen", "fund, project, kind, allocatedFen, recordedFen, askedFen");
    public static readonly ErrorCode TotalTooLarge = new("TOTAL_TOO_LARGE", "An amount would take the total of all amounts of its kind beyond ¥10 quadrillion, which every sum must stay within.", "amountFen and other *Fen fields", "maxFen, totalFen, addingFen");
    public static readonly ErrorCode OverdueExceedsBalance = new("OVERDUE_EXCEEDS_BALANCE", "A county's overdue microcredit is part of its outstanding balance and cannot exceed it.", "overdueFen", "overdueFen, balanceFen");
    public static readonly ErrorCode PledgeNotHere = new("PLEDGE_NOT_HERE", "Pledges are made against needs with 'pledge', not recorded as transactions.", "kind", "—");

    // Lifecycles
    public static readonly ErrorCode InvalidTransition = new("INVALID_TRANSITION", "The record's status does not allow this move (e.g. approving a need that is not pending review).", "the record named", "record, code, status, to");
    public static readonly ErrorCode InvalidState = new("INVALID_STATE", "The record's status does not allow this operation (results of a project that is not implementing or accepted).", "project", "record, code, status");
    public static readonly ErrorCode ProjectNotActive = new("PROJECT_NOT_ACTIVE", "Funds go to active projects only; the project is cancelled or closed.", "project", "project, status");
    public static readonly ErrorCode ReasonNotApplicable = new("REASON_NOT_APPLICABLE", "A reason was given where the operation takes none.", "reason", "—");
    public static readonly ErrorCode NoticeNotDraft = new("NOTICE_NOT_DRAFT", "The notice is published (or superseded, withdrawn): published notices are never edited.", "notice", "record, code, status");
    public static readonly ErrorCode NoticeNotPublished = new("NOTICE_NOT_PUBLISHED", "Only the notice in force can be corrected or withdrawn.", "notice", "code, status");
    public static readonly ErrorCode NoticePeriodNotApplicable = new("NOTICE_PERIOD_NOT_APPLICABLE", "Notices at county level and above have no notice period.", "noticePeriodDays", "regionName, level");
    public static readonly ErrorCode NoticePeriodTooShort = new("NOTICE_PERIOD_TOO_SHORT", "Township and village notices run at least 10 days for objections.", "noticePeriodDays", "min, days");
    public static readonly ErrorCode NoticePeriodTooLong = new("NOTICE_PERIOD_TOO_LONG", "A notice period is longer than a year.", "noticePeriodDays", "max, days");
    public static readonly ErrorCode NoticePeriodEnded = new("NOTICE_PERIOD_ENDED", "The notice's period for objections has ended; report misuse without a notice instead.", "notice", "notice, endedOn");
    public static readonly ErrorCode TooManyObjections = new("TOO_MANY_OBJECTIONS", "Today's cap on objections from one client, or about one region, is reached; try again tomorrow.", "region, or none", "scope, max");
    public static readonly ErrorCode NoticeNotInForce = new("NOTICE_NOT_IN_FORCE", "The notice objected to is superseded or withdrawn.", "notice", "notice, status");
    public static readonly ErrorCode DeadlinePassed = new("DEADLINE_PASSED", "A need's deadline passed before it was approved.", "need", "need, deadline");
    public static readonly ErrorCode CapOverrideRequired = new("CAP_OVERRIDE_REQUIRED", "A need over its category's cap is approved only with a public override reason.", "capOverrideReason", "need, category, requested, cap, unit");
    public static readonly ErrorCode OverrideNotNeeded = new("OVERRIDE_NOT_NEEDED", "An override reason was given for a need within its cap.", "capOverrideReason", "need, category");
    public static readonly ErrorCode ReviewerNotNamed = new("REVIEWER_NOT_NAMED", "Needs are reviewed by a named reviewer: the sign-in carries no name.", "—", "—");
    public static readonly ErrorCode ReviewerIsRegistrant = new("REVIEWER_IS_REGISTRANT", "The reviewer's organisation registered the need; another must review it.", "need", "need");
    public static readonly ErrorCode NeedNotOpen = new("NEED_NOT_OPEN", "The need takes no pledges (not approved, closed or fulfilled).", "need", "need, status");
    public static readonly ErrorCode NeedFullyPledged = new("NEED_FULLY_PLEDGED", "Nothing is left to pledge to the need.", "need", "need");
    public static readonly ErrorCode NeedExpired = new("NEED_EXPIRED", "The need's deadline passed before it was fully pledged.", "need", "need, deadline");
    public static readonly ErrorCode ExceedsRemaining = new("EXCEEDS_REMAINING", "A pledge is larger than what is left to pledge to its need.", "quantity", "need, remaining, offered, unit");
    public static readonly ErrorCode ExceedsPledge = new("EXCEEDS_PLEDGE", "A delivery is larger than what is left to deliver of its pledge.", "quantity", "pledge, remaining, offered, unit");
    public static readonly ErrorCode NeedHasOpenPledges = new("NEED_HAS_OPEN_PLEDGES", "A need with pledges still under way cannot be closed.", "need", "need");
    public static readonly ErrorCode PledgeNotConfirmed = new("PLEDGE_NOT_CONFIRMED", "A pledge is delivered only once the village confirmed it.", "pledge", "pledge");
    public static readonly ErrorCode PledgeLapsed = new("PLEDGE_LAPSED", "The pledge was not confirmed by its confirm-by date.", "pledge", "pledge, confirmBy");
    public static readonly ErrorCode AlreadyReceived = new("ALREADY_RECEIVED", "The delivery was already confirmed as received.", "delivery", "pledge, receivedOn");

    // What objections changed
    public static readonly ErrorCode OutcomeNotApplicable = new("OUTCOME_NOT_APPLICABLE", "Money recovered, measures or a correcting notice were given for an answer whose finding is not upheld, or states none: only an upheld or partly upheld objection changed something.", "finding", "objection, finding");
    public static readonly ErrorCode RecoveryMismatch = new("RECOVERY_MISMATCH", "Money recovered and the RECOVERY measure go together: one was given without the other.", "moneyRecoveredFen", "moneyRecoveredFen");
    public static readonly ErrorCode CorrectingNoticeNotPublished = new("CORRECTING_NOTICE_NOT_PUBLISHED", "The correcting notice is not the notice in force (a draft, superseded or withdrawn notice).", "correctingNotice", "notice, status");
    public static readonly ErrorCode CorrectingNoticeElsewhere = new("CORRECTING_NOTICE_ELSEWHERE", "The correcting notice's region neither lies within nor contains the objection's region.", "correctingNotice", "notice, region");

    // Exits
    public static readonly ErrorCode ExitNotApplicable = new("EXIT_NOT_APPLICABLE", "Only a village (出列) or a county (摘帽) exits.", "region", "regionName, level");
    public static readonly ErrorCode RegionNotPoor = new("REGION_NOT_POOR", "The region is not registered as poor, or has exited already.", "region", "regionName, status");
    public static readonly ErrorCode ExitUnderWay = new("EXIT_UNDER_WAY", "An exit of the region is proposed already and not yet confirmed or withdrawn.", "region", "exit");
    public static readonly ErrorCode NoExitCriteria = new("NO_EXIT_CRITERIA", "No exit criterion of the region's province applies to the year.", "year", "regionName, year");
    public static readonly ErrorCode NoExitFigures = new("NO_EXIT_FIGURES", "The region has no statistics recorded for the year (a county: county-wide statistics).", "year", "regionName, year");
    public static readonly ErrorCode ExitCriteriaNotMet = new("EXIT_CRITERIA_NOT_MET", "The year's figures miss thresholds of the exit criteria; the thresholds missed are named.", "year", "missed, year");
    public static readonly ErrorCode ExitNoticePeriodRunning = new("EXIT_NOTICE_PERIOD_RUNNING", "The exit's notice period for objections has not ended yet.", "exit", "exit, endsOn");
    public static readonly ErrorCode ExitObjectionOpen = new("EXIT_OBJECTION_OPEN", "An objection to the exit notice is still received or under investigation.", "exit", "exit, objection");
    public static readonly ErrorCode NoticeOfAnExit = new("NOTICE_OF_AN_EXIT", "The notice is the public notice of an exit: it changes only with the exit (withdrawExit, then a new proposal).", "notice", "notice, exit");
    public static readonly ErrorCode ExitObjectionUpheld = new("EXIT_OBJECTION_UPHELD", "An objection to the exit notice was upheld (or partly): the exit cannot be confirmed; withdraw it.", "exit", "exit, objection, finding");

    // Assets and their income, entitlements
    public static readonly ErrorCode OwnerElsewhere = new("OWNER_ELSEWHERE", "An asset's owner is not a village within the place of its project.", "owner", "project, regionName");
    public static readonly ErrorCode PartsExceedAmount = new("PARTS_EXCEED_AMOUNT", "The parts of an asset's income distributed (to the collective, households and jobs) add up to more than the income.", "amountFen", "amountFen, partsFen");
    public static readonly ErrorCode RecipientsInconsistent = new("RECIPIENTS_INCONSISTENT", "Money is paid to households or jobs with no recipients counted, or recipients are counted of nothing paid.", "householdsPaid, jobsPaid", "count, paidFen");
    public static readonly ErrorCode AssetIncomeRecorded = new("ASSET_INCOME_RECORDED", "The asset's income of the year is recorded already; published income is not edited.", "year", "asset, year");
    public static readonly ErrorCode NotAPolicyNotice = new("NOT_A_POLICY_NOTICE", "The notice an entitlement names is not a published POLICY notice of its region or a region above it.", "notice", "notice, regionName");
    public static readonly ErrorCode EntitlementRecorded = new("ENTITLEMENT_RECORDED", "The region has the program's standard (of the grade) for the year recorded already; published standards are not edited.", "program", "regionName, year, program, grade");
    public static readonly ErrorCode SubjectNotApplicable = new("SUBJECT_NOT_APPLICABLE", "A policy notice names funds or projects; its subject is the policy, and entitlements point at it.", "funds, projects", "—");

    // Audit redactions
    public static readonly ErrorCode AuditEntryNotFound = new("AUDIT_ENTRY_NOT_FOUND", "No audit entry has the sequence given.", "sequence", "sequence");
    public static readonly ErrorCode HeaderField = new("HEADER_FIELD", "A header field of an audit entry (at, actor.*, entity.*, operation) was named; only before.* and after.* fields can be redacted.", "field", "field");
    public static readonly ErrorCode FieldNotRecorded = new("FIELD_NOT_RECORDED", "The audit entry holds no value under the field named.", "field", "field, sequence");
    public static readonly ErrorCode NotText = new("NOT_TEXT", "Only free text can be redacted, not numbers, dates, states, codes or keys.", "field", "field");
    public static readonly ErrorCode AlreadyRedacted = new("ALREADY_REDACTED", "The field of the audit entry is redacted already.", "field", "field, sequence, redaction");
    public static readonly ErrorCode TwoPersonsRequired = new("TWO_PERSONS_REQUIRED", "A redaction is requested and decided by two different people; the Auditor requested it.", "redaction", "redaction");

    // Onboarding: organisations, programs, memberships and pairings
    public static readonly ErrorCode InvalidCreditCode = new("INVALID_CREDIT_CODE", "Not a unified social credit code: 18 characters of 0–9 and the capital letters of GB 32100-2015 (no I, O, S, V, Z; no full-width digits) ending in the right check character.", "creditCode", "—");
    public static readonly ErrorCode DuplicateCreditCode = new("DUPLICATE_CREDIT_CODE", "Another organisation is registered with the credit code.", "creditCode", "—");
    public static readonly ErrorCode OneLocationRequired = new("ONE_LOCATION_REQUIRED", "An organisation is located by a region of the provinces OpenAid holds, or by a province-level code outside them with a place name: one of the two.", "region", "—");
    public static readonly ErrorCode InvalidProvinceCode = new("INVALID_PROVINCE_CODE", "Not a province-level code of the national list (GB/T 2260).", "outsideProvince", "—");
    public static readonly ErrorCode ProvinceHeld = new("PROVINCE_HELD", "OpenAid holds the places of the province given: name the organisation's region instead.", "outsideProvince", "—");
    public static readonly ErrorCode InvalidProgramCode = new("INVALID_PROGRAM_CODE", "A program code is 2–16 capital letters and digits, starting with a letter.", "code", "—");
    public static readonly ErrorCode DuplicateCode = new("DUPLICATE_CODE", "Another record of the kind already has the code.", "code", "—");
    public static readonly ErrorCode YearsOutOfOrder = new("YEARS_OUT_OF_ORDER", "A last year is before its first year.", "endYear", "—");
    public static readonly ErrorCode ProgramEnded = new("PROGRAM_ENDED", "The program has passed its last year: it takes no new members or pairings.", "program", "—");
    public static readonly ErrorCode AlreadyAMember = new("ALREADY_A_MEMBER", "The organisation is a member of the program already.", "program, application", "—");
    public static readonly ErrorCode ApplicationPending = new("APPLICATION_PENDING", "The organisation's application to the program waits for its decision.", "program", "—");
    public static readonly ErrorCode OneHelperRequired = new("ONE_HELPER_REQUIRED", "A pairing names exactly one helper: an organisation or a region.", "helperOrganization", "—");
    public static readonly ErrorCode HelperIsHelped = new("HELPER_IS_HELPED", "A helper region is, contains or lies within the region it would help.", "helperRegion", "—");

    // The people on the ground: work teams, first secretaries and households' helpers
    public static readonly ErrorCode WorkTeamActive = new("WORK_TEAM_ACTIVE", "The village has an active work team; end it before assigning another.", "region", "regionName, workTeam");
    public static readonly ErrorCode FirstSecretaryUnitLevel = new("FIRST_SECRETARY_UNIT_LEVEL", "A first secretary is sent by a unit above county level; the unit named is at county level or below.", "organization, firstSecretaryOrganization", "organization");
    public static readonly ErrorCode DuplicateUnit = new("DUPLICATE_UNIT", "An assisting unit is named twice in one year's counts.", "counts.organization", "organization");
    public static readonly ErrorCode HelpedExceedsHouseholds = new("HELPED_EXCEEDS_HOUSEHOLDS", "Households with a named helper would be more than the village's poor households of the year.", "counts.households", "households, poorHouseholds");

    // Grants
    public static readonly ErrorCode GrantHeld = new("GRANT_HELD", "The person already holds an active grant of this role, region and organisation.", "person", "—");
    public static readonly ErrorCode GrantRevoked = new("GRANT_REVOKED", "The grant was revoked already.", "grant", "—");
    public static readonly ErrorCode LastAdmin = new("LAST_ADMIN", "The last active Admin grant cannot be revoked.", "grant", "—");
}
