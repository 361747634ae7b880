using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The reference matrix: every argument of every mutation that names another record (a region, fund, project, notice,
/// organisation, need, pledge, pairing, program …) has a case in which only that reference is foreign to the caller.
/// The call is refused with FORBIDDEN or a typed payload error and writes nothing; the same input with the reference
/// made the caller's own then succeeds, so the reference alone was at fault. The schema is read by introspection: a
/// mutation that gains an input field fails the test until the field is a case, an open reference (with the reason)
/// or a plain value.
/// </summary>
public partial class AuthorizationMatrixTests
{
    /// <summary>Input fields that carry values, not references to other records, in any mutation.</summary>
    private static readonly HashSet<string> ValueFields =
    [
        "name", "documentNumber", "sourceType", "level", "fiscalYear", "amountFen", "purpose", "decidedOn", "kind", "date", "description",
        "category", "responsibleRole", "plannedStart", "plannedEnd", "budgetFen", "targets", "indicator", "unit", "baseline", "target",
        "to", "on", "reason", "beneficiaryHouseholds", "beneficiaryPeople", "actuals", "actual", "year", "population", "poorPeople",
        "poorHouseholds", "present", "peopleExited", "peopleRelapsed", "householdsMonitored", "collectiveIncomeFen", "perCapitaDisposableIncomeFen", "title", "body", "noticePeriodDays",
        "localSupervisionPhone", "contactName", "contactPhone", "answer", "quantity", "deadline", "priority", "submit", "decision",
        "capOverrideReason", "confirmBy", "deliveredOn", "evidence", "field", "legalBasis", "person", "personName", "role",
        "creditCode", "outsideProvince", "place", "code", "motivation", "startYear", "endYear", "yearlyPlan", "yearlyBudgetFen",
        "startedOn", "plannedEndOn", "size", "firstSecretaryTitle", "memberTitles", "counts", "households",
        "ruralPerCapitaDisposableIncomeFen", "perCapitaIncomeFen", "helpedHouseholdsPerCapitaIncomeFen", "finding", "integratedPool",
        "valueFen", "shareHouseholds", "inUseSince", "toCollectiveFen", "toHouseholdsFen", "householdsPaid", "toJobsFen", "jobsPaid",
        "grade", "standardFen", "documentTitle", "recipients",
        "moneyRecoveredFen", "measures", "loansIssuedCount", "loansIssuedFen", "outstandingBalanceFen", "overdueFen", "interestSubsidyFen",
        "riskCompensationFundFen", "correctionReason",
    ];

    /// <summary>References that no caller can name wrongly, and why.</summary>
    private static readonly Dictionary<(string Mutation, string Field), string> OpenReferences = new()
    {
        [("fileObjection", "region")] = "anyone may report misuse in any region, signed in or not",
        [("pledge", "need")] = "a donor may pledge to any open need, wherever it is",
        [("pledge", "project")] = "a donor may support any active project",
        [("pledge", "village")] = "a donor may support any village",
        [("requestAuditRedaction", "sequence")] = "an Admin may ask to redact any entry: the audit trail is one for the whole country",
        [("redactAuditField", "redaction")] = "an Auditor decides any requested redaction, wherever its record is",
        [("declineAuditRedaction", "redaction")] = "an Auditor decides any requested redaction, wherever its record is",
        [("registerOrganization", "region")] = "an Admin registers organisations anywhere: onboarding spans provinces",
        [("updateOrganization", "region")] = "an Admin registers organisations anywhere: onboarding spans provinces",
        [("updateOrganization", "organization")] = "an Admin keeps any organisation's record",
        [("createProgram", "region")] = "an Admin creates programs led by any region",
        [("applyToProgram", "program")] = "any organisation may apply to any program",
        [("decideProgramApplication", "application")] = "an Admin decides any application",
        [("removeProgramMember", "organization")] = "an Admin ends any membership",
        [("removeProgramMember", "program")] = "an Admin ends any membership",
        [("createPairing", "program")] = "an Admin pairs under any program",
        [("createPairing", "helperOrganization")] = "an Admin pairs any organisation",
        [("createPairing", "helperRegion")] = "an Admin pairs any region",
        [("createPairing", "helpedRegion")] = "an Admin pairs any region",
        [("endPairing", "pairing")] = "an Admin ends any pairing",
        [("assignWorkTeam", "organization")] = "a county takes work teams from assisting units anywhere (provincial departments, paired cities, enterprises)",
        [("assignWorkTeam", "firstSecretaryOrganization")] = "first secretaries are sent by units above county level, from anywhere",
        [("recordHouseholdHelpers", "organization")] = "households' helpers come from assisting units anywhere",
        [("recordProvincialRuralIncome", "province")] = "an Admin records the published rural average of any province",
        [("recordEntitlement", "program")] = "a policy of the fixed list, not a record",
        [("grantRole", "organization")] = "an Admin may let a person act for any organisation; the region bounds the grant",
    };

    private const string ReviewerName = "李明";

    [Fact]
    public async Task Every_reference_of_every_mutation_is_authorised_and_a_foreign_one_writes_nothing()
    {
        var schema = await IntrospectAsync();
        var world = await World.MakeAsync(server);
        var cases = ReferenceCases(world).Concat(WorkTeamReferenceCases(world)).ToDictionary();
        var failures = new List<string>();

        foreach (var mutation in schema.Mutations)
        {
            foreach (var field in schema.FieldNames(mutation.InputType))
            {
                if (!cases.ContainsKey((mutation.Name, field)) && !OpenReferences.ContainsKey((mutation.Name, field)) && !ValueFields.Contains(field))
                {
                    failures.Add($"{mutation.Name}.{field}: a new input field; add a reference case (or an open reference with its reason, or a value field).");
                }
            }
        }

        var known = schema.Mutations.ToDictionary(m => m.Name);
        foreach (var ((name, field), make) in cases)
        {
            if (!known.TryGetValue(name, out var mutation) || !schema.FieldNames(mutation.InputType).Contains(field))
            {
                failures.Add($"{name}.{field}: a case for a field the schema does not have.");
                continue;
            }

            var (token, input, foreign, refusals) = await make();
            var label = $"{name}.{field} foreign";
            var refused = JsonNode.Parse(input.ToJsonString())!.AsObject();
            refused[field] = foreign;
            var before = await server.WatermarkAsync();
            var response = await SendAsync(mutation, refused, token);
            var after = await server.WatermarkAsync();
            var codes = response.ErrorCodes.Concat(PayloadErrorCodes(response, name)).ToList();
            Expect(failures, codes.Count == 1 && refusals.Contains(codes[0]), $"{label}: expected one of {string.Join(", ", refusals)}, got {response}");
            Expect(failures, before == after, $"{label}: refused, but something was written ({before} → {after})");

            var allowed = await SendAsync(mutation, input, token);
            Expect(
                failures,
                allowed.ErrorCodes.Count == 0 && !PayloadErrorCodes(allowed, name).Any(),
                $"{name}.{field} own: expected the same input with its own reference to succeed, got {allowed}");
        }

        output.WriteLine($"{cases.Count} reference cases, {OpenReferences.Count} open references.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string?> PayloadErrorCodes(GraphQLResponse response, string mutation) =>
        response.HasData && response.Data.ValueKind == JsonValueKind.Object && response.Data.TryGetProperty(mutation, out var payload) && payload.ValueKind == JsonValueKind.Object
            ? payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())
            : [];

    /// <summary>One reference case: the caller, a valid input, the foreign value for the field, and the refusals that fit.</summary>
    private sealed record ReferenceCase(string? Token, JsonObject Input, JsonNode? Foreign, string[] Refusals);

    private static readonly string[] Forbidden = ["FORBIDDEN"];

    private Dictionary<(string Mutation, string Field), Func<Task<ReferenceCase>>> ReferenceCases(World w)
    {
        var publisher = Samples.Publisher;
        var reviewer = server.MintToken([Roles.Reviewer], server.County.ShortCode, server.Office, ReviewerName, "test-reviewer-named");
        ReferenceCase Case(string? token, object input, object? foreign, params string[] refusals) =>
            new(token, JsonSerializer.SerializeToNode(input)!.AsObject(), JsonSerializer.SerializeToNode(foreign), refusals.Length == 0 ? Forbidden : refusals);

        // A commitment from a fund allocated to the project, from the fund's own region.
        async Task<ReferenceCase> Transaction(Func<Task<string>> foreign, params string[] refusals)
        {
            var (project, fund) = (await Samples.ProjectAsync(), await Samples.FundAsync());
            await server.MutateOkAsync("allocateFund", new { fund, project, amountFen = 10_000, decidedOn = Samples.Today }, publisher);
            var input = new { kind = "COMMITMENT", amountFen = 1_000, date = Samples.Today, project, fund, providerRegion = server.County.ShortCode, description = "签订施工合同。" };
            return Case(publisher, input, await foreign(), refusals);
        }

        object Need(Place village) => new
        {
            region = village.ShortCode, category = "EDUCATION", title = $"贫困家庭学生助学金（测试{Samples.Unique()}）",
            description = "资助本村12名贫困家庭在校学生。", amountFen = 1_000_000, deadline = PublishingServer.Day(PublishingServer.Today.AddDays(60)),
            priority = "NORMAL", submit = true,
        };

        return new()
        {
            [("grantRole", "region")] = () => Task.FromResult(Case(server.Token(Roles.Admin), GrantInput(), server.OtherCounty.ShortCode)),
            [("revokeRole", "grant")] = async () =>
            {
                var nationwide = server.MintToken([Roles.Admin], null, null, subject: "test-admin-nationwide");
                async Task<string> GrantIn(Place region) => (await server.MutateOkAsync(
                    "grantRole", new { person = $"test-granted-{Guid.NewGuid():N}", role = "REVIEWER", region = region.ShortCode, reason = "审核员。" }, nationwide, "grant { id }"))
                    .GetProperty("grant").GetProperty("id").GetString()!;
                return Case(server.Token(Roles.Admin), new { grant = await GrantIn(server.County), reason = "调离岗位。" }, await GrantIn(server.OtherCounty));
            },
            [("createFund", "region")] = () => Task.FromResult(Case(publisher, Samples.FundInput(), server.OtherCounty.ShortCode)),
            [("allocateFund", "fund")] = async () => Case(publisher, new { fund = await Samples.FundAsync(), project = await Samples.ProjectAsync(), amountFen = 1_000, decidedOn = Samples.Today }, await w.OtherFundAsync()),
            [("allocateFund", "project")] = async () => Case(publisher, new { fund = await Samples.FundAsync(), project = await Samples.ProjectAsync(), amountFen = 1_000, decidedOn = Samples.Today }, await w.OtherProjectAsync(), "FORBIDDEN", "PROJECT_OUTSIDE_FUND_REGION"),
            [("transferFund", "fund")] = async () => Case(publisher, new { fund = await Samples.FundAsync(), toFund = await Samples.PoolAsync(), amountFen = 1_000, date = Samples.Today }, await w.OtherFundAsync()),
            [("transferFund", "toFund")] = async () => Case(publisher, new { fund = await Samples.FundAsync(), toFund = await Samples.PoolAsync(), amountFen = 1_000, date = Samples.Today }, await w.OtherFundAsync(), "TRANSFER_OUTSIDE_REGION"),
            [("recordTransaction", "project")] = () => Transaction(() => w.OtherProjectAsync()),
            [("recordTransaction", "fund")] = () => Transaction(w.OtherFundAsync, "FORBIDDEN", "FUND_NOT_ALLOCATED"),
            [("recordTransaction", "providerRegion")] = () => Transaction(() => Task.FromResult("43"), "FORBIDDEN", "PROVIDER_ELSEWHERE"),
            [("createProject", "region")] = () => Task.FromResult(Case(publisher, Samples.ProjectInput(), server.OtherCounty.ShortCode)),
            [("createProject", "implementingOrganization")] = () => Task.FromResult(Case(publisher, Samples.ProjectInput(), server.OtherOffice)),
            [("moveProject", "project")] = async () => Case(publisher, new { project = await Samples.ProjectAsync(), to = "APPROVED" }, await w.OtherProjectAsync()),
            [("recordProjectResults", "project")] = async () => Case(publisher, new { project = await Samples.ProjectAsync("IMPLEMENTING"), beneficiaryHouseholds = 12, beneficiaryPeople = 40 }, await w.OtherProjectAsync("IMPLEMENTING")),
            [("recordVillageStatistics", "region")] = () => Task.FromResult(Case(publisher, new
            {
                region = server.Village.ShortCode, year = Samples.Year - 1, population = 1200, poorPeople = 80, poorHouseholds = 25,
                collectiveIncomeFen = 5_000_000, perCapitaDisposableIncomeFen = 1_200_000,
            }, w.OtherVillage.ShortCode)),
            [("recordCountyStatistics", "region")] = () => Task.FromResult(Case(publisher, CountyFigures(), server.OtherCounty.ShortCode)),
            [("recordMicrocredit", "region")] = () => Task.FromResult(Case(publisher, MicrocreditFigures(), server.OtherCounty.ShortCode)),
            [("proposeExit", "region")] = async () => Case(publisher, Samples.ProposeExitInput(await Samples.ExitableVillageAsync()), w.OtherVillage.ShortCode),
            [("proposeExit", "verifyingOrganization")] = async () => Case(publisher, Samples.ProposeExitInput(await Samples.ExitableVillageAsync()), server.OtherOffice),
            [("confirmExit", "exit")] = async () => Case(publisher, new { exit = await Samples.ExitAfterPeriodAsync() }, await Samples.ExitAfterPeriodAsync(local: false)),
            [("withdrawExit", "exit")] = async () => Case(publisher, new { exit = await Samples.ExitAsync(), reason = "撤回重报。" }, await Samples.ExitAsync(local: false)),
            [("recordVillageFacilities", "region")] = () => Task.FromResult(Case(publisher, new { region = server.Village.ShortCode, year = Samples.Year - 1, present = new[] { "POWER" } }, w.OtherVillage.ShortCode)),
            [("recordMonitoring", "region")] = () => Task.FromResult(Case(publisher, new { region = server.Village.ShortCode, year = Samples.Year - 1, peopleExited = 12, peopleRelapsed = 1, householdsMonitored = 4 }, w.OtherVillage.ShortCode)),
            [("registerAsset", "project")] = async () => Case(publisher, Samples.AssetInput(await Samples.ProjectAsync("IMPLEMENTING")), await w.OtherProjectAsync("IMPLEMENTING")),
            [("registerAsset", "owner")] = async () => Case(publisher, Samples.AssetInput(await Samples.ProjectAsync("IMPLEMENTING")), w.OtherVillage.ShortCode, "OWNER_ELSEWHERE"),
            [("recordAssetIncome", "asset")] = async () => Case(publisher, Samples.IncomeInput(await Samples.AssetAsync()), await w.OtherAssetAsync()),
            [("recordEntitlement", "region")] = () => Task.FromResult(Case(publisher, Samples.EntitlementInput(server.Village), w.OtherVillage.ShortCode)),
            [("recordEntitlement", "notice")] = async () => Case(publisher, Samples.EntitlementInput(server.Village, await Samples.PolicyNoticeAsync()), await Samples.PolicyNoticeAsync(server.OtherCounty, w.OtherPublisher), "NOT_A_POLICY_NOTICE"),
            [("draftNotice", "region")] = async () => Case(publisher, Samples.NoticeInput(server.Township, projects: [await Samples.ProjectAsync()]), server.OtherCounty.ShortCode),
            [("draftNotice", "funds")] = async () => Case(publisher, Samples.NoticeInput(server.Township, kind: "FUND", funds: [await Samples.FundAsync()]), new[] { await w.CityFundAsync() }),
            [("draftNotice", "projects")] = async () => Case(publisher, Samples.NoticeInput(server.Township, projects: [await Samples.ProjectAsync()]), new[] { await w.CityProjectAsync() }),
            [("updateDraftNotice", "notice")] = async () => Case(publisher, new
            {
                notice = await Samples.DraftAsync(), title = "关于项目安排的公示（修改稿）", body = "修改后的正文。", decidedOn = Samples.Today,
                noticePeriodDays = 15, localSupervisionPhone = "0776-7612317",
            }, await w.OtherNoticeAsync(publish: false)),
            [("publishNotice", "notice")] = async () => Case(publisher, new { notice = await Samples.DraftAsync() }, await w.OtherNoticeAsync(publish: false)),
            [("supersedeNotice", "notice")] = async () => Case(publisher, Samples.SupersedeInput(await Samples.PublishedAsync()), await w.OtherNoticeAsync(publish: true)),
            [("supersedeNotice", "funds")] = async () => Case(publisher, With(Samples.SupersedeInput(await Samples.PublishedAsync()), "funds", new[] { await Samples.FundAsync() }), new[] { await w.CityFundAsync() }),
            [("supersedeNotice", "projects")] = async () => Case(publisher, With(Samples.SupersedeInput(await Samples.PublishedAsync()), "projects", new[] { await Samples.ProjectAsync() }), new[] { await w.CityProjectAsync() }),
            [("withdrawNotice", "notice")] = async () => Case(publisher, new { notice = await Samples.PublishedAsync(), reason = "项目已取消。" }, await w.OtherNoticeAsync(publish: true)),

            // An objection names a notice anyone can read: a draft is no notice to the public.
            [("fileObjection", "notice")] = async () => Case(null, new { notice = await Samples.PublishedAsync(), category = "FALSE_CLAIMS", description = "公示的项目并未实施。" }, await Samples.DraftAsync(), "NOT_FOUND"),
            [("startInvestigation", "objection")] = async () => Case(Samples.Reviewer, new { objection = await Samples.ObjectionAsync() }, await w.OtherObjectionAsync()),
            [("answerObjection", "objection")] = async () => Case(Samples.Reviewer, new { objection = await Samples.ObjectionAsync("INVESTIGATING"), answer = "经核查，情况属实，已责令整改。" }, await w.OtherObjectionAsync("INVESTIGATING")),
            // A correcting notice is one the public can read, of a place on one line with the objection's.
            [("answerObjection", "correctingNotice")] = async () => Case(Samples.Reviewer, new
            {
                objection = await Samples.ObjectionAsync("INVESTIGATING"), answer = "经核查，情况属实，已更正公示。", finding = "UPHELD", measures = new[] { "CORRECTION" },
                correctingNotice = await Samples.PublishedAsync(),
            }, await w.OtherNoticeAsync(publish: true), "FORBIDDEN", "CORRECTING_NOTICE_ELSEWHERE"),
            [("rejectObjection", "objection")] = async () => Case(Samples.Reviewer, new { objection = await Samples.ObjectionAsync(), reason = "经核查，反映的道路已按计划完工。" }, await w.OtherObjectionAsync()),
            [("hideObjectionDescription", "objection")] = async () => Case(Samples.Reviewer, new { objection = await Samples.ObjectionAsync(), reason = "含有辱骂他人的言辞，予以隐藏。" }, await w.OtherObjectionAsync()),

            [("registerNeed", "region")] = () => Task.FromResult(Case(publisher, Need(server.Village), w.OtherVillage.ShortCode)),
            [("registerNeed", "project")] = async () => Case(publisher, With(Need(server.Village), "project", await Samples.ProjectAsync()), await w.OtherProjectAsync(), "FORBIDDEN", "PROJECT_ELSEWHERE"),
            [("registerNeed", "pairing")] = () => Task.FromResult(Case(publisher, Need(server.Village), w.ForeignPairing, "FORBIDDEN", "PAIRING_ELSEWHERE")),
            [("submitNeed", "need")] = async () => Case(publisher, new { need = await w.NeedAsync(publisher, Draft(Need(server.Village))) }, await w.NeedAsync(w.OtherPublisher, Draft(Need(w.OtherVillage)))),
            [("reviewNeed", "need")] = async () => Case(reviewer, new { need = await w.NeedAsync(publisher, Need(server.Village)), decision = "APPROVE" }, await w.NeedAsync(w.OtherPublisher, Need(w.OtherVillage))),
            [("closeNeed", "need")] = async () => Case(publisher, new { need = await w.OpenNeedAsync(local: true) }, await w.OpenNeedAsync(local: false)),

            [("pledge", "organization")] = async () => Case(w.Donor, new { organization = w.DonorCode, need = await w.OpenNeedAsync(local: true), kind = "MONEY", quantity = 1_000 }, w.OtherDonorCode),
            [("pledge", "program")] = async () => Case(w.Donor, new { need = await w.OpenNeedAsync(local: true), kind = "MONEY", quantity = 1_000, program = w.JoinedProgram }, w.ForeignProgram, "FORBIDDEN", "NOT_A_MEMBER"),
            [("confirmPledge", "pledge")] = async () => Case(publisher, new { pledge = await w.PledgeAsync(local: true) }, await w.PledgeAsync(local: false)),
            [("recordDelivery", "pledge")] = async () => Case(w.Donor, new { pledge = await w.PledgeAsync(local: true, confirmed: true), quantity = 500, deliveredOn = Samples.Today, evidence = "银行回单，村委会已核对到账。" }, await w.PledgeAsync(local: true, confirmed: true, byOtherDonor: true)),
            [("confirmReceipt", "delivery")] = async () => Case(publisher, new { delivery = await w.DeliveryAsync(local: true) }, await w.DeliveryAsync(local: false)),
            [("applyToProgram", "organization")] = async () => Case(OfficeDonor, new { organization = server.Office, program = await NewProgramAsync(), motivation = "开展产业帮扶。" }, server.OtherOffice),
            [("leaveProgram", "organization")] = async () => Case(OfficeDonor, new { organization = server.Office, program = await JoinedProgramAsync(), reason = "工作调整。" }, server.OtherOffice),
            [("leaveProgram", "program")] = async () => Case(OfficeDonor, new { organization = server.Office, program = await JoinedProgramAsync(), reason = "工作调整。" }, await NewProgramAsync(), "NOT_A_MEMBER"),
            [("cancelPledge", "pledge")] = async () => Case(w.Donor, new { pledge = await w.PledgeAsync(local: true), reason = "企业经营调整。" }, await w.PledgeAsync(local: true, byOtherDonor: true)),
        };
    }

    private static JsonObject Draft(object need) => With(need, "submit", false);

    private static JsonObject With(object input, string field, object? value)
    {
        var node = JsonSerializer.SerializeToNode(input)!.AsObject();
        node[field] = JsonSerializer.SerializeToNode(value);
        return node;
    }

    /// <summary>
    /// The records the reference cases point at: the test county's own, and foreign ones – of another county (by its
    /// publisher, reviewer and villages), of the county's city (held above the caller), of another donor.
    /// </summary>
    private sealed class World
    {
        private readonly PublishingServer _server;

        private World(PublishingServer server) => _server = server;

        public Place OtherVillage { get; private set; } = null!;

        public string OtherPublisher => _server.Token(Roles.Publisher, _server.OtherCounty);

        public string OtherReviewer => _server.MintToken([Roles.Reviewer], _server.OtherCounty.ShortCode, _server.OtherOffice, "王芳", "test-reviewer-other");

        private string Reviewer => _server.MintToken([Roles.Reviewer], _server.County.ShortCode, _server.Office, ReviewerName, "test-reviewer-named");

        /// <summary>A publisher of the city above the test county, acting for the county's office.</summary>
        private string CityPublisher => _server.MintToken([Roles.Publisher], _server.County.ShortCode[..4], _server.Office, subject: "test-publisher-city");

        public string DonorCode { get; private set; } = null!;

        public string OtherDonorCode { get; private set; } = null!;

        public string Donor => _server.MintToken([Roles.Donor], null, DonorCode, subject: "test-donor");

        private string OtherDonor => _server.MintToken([Roles.Donor], null, OtherDonorCode, subject: "test-donor-other");

        /// <summary>A pairing that helps neither the test village nor a region above it.</summary>
        public string ForeignPairing { get; private set; } = null!;

        public string? JoinedProgram { get; private set; }

        public string ForeignProgram { get; private set; } = null!;

        public static async Task<World> MakeAsync(PublishingServer server)
        {
            var world = new World(server);
            await server.ReadAsync(async db =>
            {
                var county = RegionCode.Of(server.OtherCounty.Code);
                var village = await db.Regions.Where(r => r.Code > county.SubtreeStart && r.Code < county.SubtreeEnd && r.Level == RegionLevel.Village).OrderBy(r => r.Code).FirstAsync();
                world.OtherVillage = new Place(village.Code, village.RegionCode.ShortForm, village.Name);
                world.ForeignPairing = (await db.Pairings.OrderBy(p => p.Id).ToListAsync()).First(p => !RegionCode.Of(p.HelpedRegionCode).Contains(server.Village.Code)).Code;
                var donors = await db.Organizations.Where(o => o.Kind == OrganizationKind.PrivateEnterprise).OrderBy(o => o.Id).Take(2).ToListAsync();
                (world.DonorCode, world.OtherDonorCode) = (donors[0].Code, donors[1].Code);
                var joined = db.ProgramMemberships.Where(m => m.OrganizationId == donors[0].Id).Select(m => m.ProgramId);
                world.JoinedProgram = await db.Programs.Where(p => joined.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Code).FirstOrDefaultAsync();
                world.ForeignProgram = await db.Programs.Where(p => !joined.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
                return 0;
            });
            return world;
        }

        private Samples Samples => _server.Samples;

        public async Task<string> OtherProjectAsync(string status = "IN_LIBRARY")
        {
            var input = With(Samples.ProjectInput(_server.OtherCounty), "implementingOrganization", _server.OtherOffice);
            var code = await CodeAsync("createProject", input, OtherPublisher, "project");
            foreach (var step in (string[])["APPROVED", "IMPLEMENTING"])
            {
                if (status == "IN_LIBRARY")
                {
                    break;
                }

                await _server.MutateOkAsync("moveProject", new { project = code, to = step }, OtherPublisher);
                if (step == status)
                {
                    break;
                }
            }

            return code;
        }

        public Task<string> OtherFundAsync() =>
            CodeAsync("createFund", With(Samples.FundInput(), "region", _server.OtherCounty.ShortCode), OtherPublisher, "fund");

        /// <summary>A fund of the test county's city, never allocated within the county.</summary>
        public Task<string> CityFundAsync() =>
            CodeAsync("createFund", With(With(Samples.FundInput(), "region", _server.County.ShortCode[..4]), "level", "CITY"), CityPublisher, "fund");

        /// <summary>A project carried out at the level of the test county's city.</summary>
        public Task<string> CityProjectAsync() =>
            CodeAsync("createProject", With(Samples.ProjectInput(), "region", _server.County.ShortCode[..4]), CityPublisher, "project");

        /// <summary>A county notice of the other county about one of its projects, a draft or published.</summary>
        public async Task<string> OtherNoticeAsync(bool publish)
        {
            var draft = await CodeAsync("draftNotice", Samples.NoticeInput(_server.OtherCounty, period: null, projects: [await OtherProjectAsync()]), OtherPublisher, "notice");
            return publish ? await CodeAsync("publishNotice", new { notice = draft }, OtherPublisher, "notice") : draft;
        }

        /// <summary>An asset of an implementing project of the other county, owned by one of its villages.</summary>
        public async Task<string> OtherAssetAsync() =>
            await CodeAsync("registerAsset", Samples.AssetInput(await OtherProjectAsync("IMPLEMENTING"), OtherVillage), OtherPublisher, "asset");

        public async Task<string> OtherObjectionAsync(string status = "RECEIVED")
        {
            var code = await CodeAsync("fileObjection", Samples.MisuseReportInput(OtherVillage), null, "objection");
            if (status == "INVESTIGATING")
            {
                await _server.MutateOkAsync("startInvestigation", new { objection = code }, OtherReviewer);
            }

            return code;
        }

        public Task<string> NeedAsync(string publisher, object input) => CodeAsync("registerNeed", input, publisher, "need");

        /// <summary>An approved need of the test village (or of the other county's village).</summary>
        public async Task<string> OpenNeedAsync(bool local)
        {
            var need = await NeedAsync(local ? Samples.Publisher : OtherPublisher, new
            {
                region = (local ? _server.Village : OtherVillage).ShortCode, category = "EDUCATION", title = $"贫困家庭学生助学金（测试{Samples.Unique()}）",
                description = "资助本村12名贫困家庭在校学生。", amountFen = 1_000_000, deadline = PublishingServer.Day(PublishingServer.Today.AddDays(60)),
                priority = "NORMAL", submit = true,
            });
            await _server.MutateOkAsync("reviewNeed", new { need, decision = "APPROVE" }, local ? Reviewer : OtherReviewer);
            return need;
        }

        /// <summary>A money pledge against an open need of the test village (or the other county's), confirmed by its village if asked.</summary>
        public async Task<string> PledgeAsync(bool local, bool confirmed = false, bool byOtherDonor = false)
        {
            var pledge = await CodeAsync("pledge", new { need = await OpenNeedAsync(local), kind = "MONEY", quantity = 1_000 }, byOtherDonor ? OtherDonor : Donor, "pledge");
            if (confirmed)
            {
                await _server.MutateOkAsync("confirmPledge", new { pledge }, local ? Samples.Publisher : OtherPublisher);
            }

            return pledge;
        }

        /// <summary>A delivery of a confirmed pledge in the test village (or the other county's); returns its global ID.</summary>
        public async Task<string> DeliveryAsync(bool local)
        {
            var pledge = await PledgeAsync(local, confirmed: true);
            return (await _server.MutateOkAsync("recordDelivery", new { pledge, quantity = 500, deliveredOn = Samples.Today, evidence = "银行回单，村委会已核对到账。" }, Donor, "delivery { id }"))
                .GetProperty("delivery").GetProperty("id").GetString()!;
        }

        private async Task<string> CodeAsync(string mutation, object input, string? token, string result) =>
            (await _server.MutateOkAsync(mutation, input, token, $"{result} {{ code }}")).GetProperty(result).GetProperty("code").GetString()!;
    }
}
