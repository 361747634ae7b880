using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Valid inputs for every publishing mutation, and records in a given state made through the API (as a Publisher or
/// Reviewer of the test county), so that each test starts from records of its own.
/// </summary>
public sealed class Samples(PublishingServer server)
{
    private static int _counter;

    public const string Selection = "__typename";

    public static int Year => PublishingServer.Today.Year;

    public static string Today => PublishingServer.Day(PublishingServer.Today);

    public string Publisher => server.Token(Roles.Publisher);

    public string Reviewer => server.Token(Roles.Reviewer);

    /// <summary>A number no other sample used, for unique document numbers and names.</summary>
    public static int Unique() => Interlocked.Increment(ref _counter);

    public object FundInput(long amountFen = 1_000_000, string? documentNumber = null) => new
    {
        name = $"县级财政专项扶贫资金（测试{Unique()}）",
        documentNumber = documentNumber ?? $"测财农〔{Year}〕{Unique()}号",
        sourceType = "COUNTY_FISCAL",
        level = "COUNTY",
        fiscalYear = Year,
        amountFen,
        region = server.County.ShortCode,
        purpose = "用于贫困村道路硬化和产业发展。",
        decidedOn = Today,
    };

    /// <summary>An integrated pool (统筹整合) of the test county: no money of its own, fed by transfers.</summary>
    public object PoolInput() => new
    {
        name = $"统筹整合使用财政涉农资金（测试{Unique()}）",
        documentNumber = $"测财农〔{Year}〕{Unique()}号",
        sourceType = "INTEGRATED_AGRICULTURE",
        level = "COUNTY",
        fiscalYear = Year,
        amountFen = 0,
        integratedPool = true,
        region = server.County.ShortCode,
        purpose = "按脱贫攻坚项目库统筹安排。",
        decidedOn = Today,
    };

    public async Task<string> PoolAsync() =>
        (await server.MutateOkAsync("createFund", PoolInput(), Publisher, "fund { code }")).GetProperty("fund").GetProperty("code").GetString()!;

    public object ProjectInput(Place? region = null, string? plannedStart = null, string? plannedEnd = null, long budgetFen = 500_000) => new
    {
        name = $"村道硬化工程（测试{Unique()}）",
        region = (region ?? server.Village).ShortCode,
        category = "INFRASTRUCTURE",
        description = "硬化村道3公里，惠及全村农户。",
        implementingOrganization = server.Office,
        responsibleRole = "县交通运输局局长",
        fiscalYear = Year,
        plannedStart = plannedStart ?? Today,
        plannedEnd = plannedEnd ?? PublishingServer.Day(PublishingServer.Today.AddMonths(6)),
        budgetFen,
        targets = new[] { new { indicator = "新建道路长度", unit = "公里", baseline = 0, target = 3 } },
    };

    public static object NoticeInput(Place region, string kind = "PROJECT", int? period = 10, string? decidedOn = null, string[]? funds = null, string[]? projects = null) => new
    {
        kind,
        region = region.ShortCode,
        title = $"关于项目安排的公示（测试{Unique()}）",
        body = "经研究，拟安排以下项目，现予公示。",
        decidedOn = decidedOn ?? Today,
        noticePeriodDays = period,
        localSupervisionPhone = "0776-7612317",
        funds = funds ?? [],
        projects = projects ?? [],
    };

    public async Task<string> FundAsync(long amountFen = 1_000_000) =>
        (await server.MutateOkAsync("createFund", FundInput(amountFen), Publisher, "fund { code }")).GetProperty("fund").GetProperty("code").GetString()!;

    /// <summary>A project created in the library and moved, step by step, to <paramref name="status"/>.</summary>
    public async Task<string> ProjectAsync(string status = "IN_LIBRARY", Place? region = null)
    {
        var code = (await server.MutateOkAsync("createProject", ProjectInput(region), Publisher, "project { code }")).GetProperty("project").GetProperty("code").GetString()!;
        foreach (var step in (string[])["APPROVED", "IMPLEMENTING", "ACCEPTED", "CLOSED"])
        {
            if (status == "IN_LIBRARY")
            {
                break;
            }

            await server.MutateOkAsync("moveProject", new { project = code, to = step }, Publisher, Selection);
            if (step == status)
            {
                break;
            }
        }

        return code;
    }

    /// <summary>A photovoltaic station of <paramref name="project"/>, owned by the test village, in use since today.</summary>
    public object AssetInput(string project, Place? owner = null) => new
    {
        project,
        owner = (owner ?? server.Village).ShortCode,
        name = $"村级光伏电站（测试{Unique()}）",
        kind = "PHOTOVOLTAIC_STATION",
        valueFen = 80_000_000,
        shareHouseholds = 40,
        inUseSince = Today,
    };

    /// <summary>This year's income of <paramref name="asset"/>: ¥10,000, of which ¥4,000 to the collective, ¥4,000 to 40 households, ¥2,000 to 5 jobs.</summary>
    public static object IncomeInput(string asset, int? year = null, long amountFen = 1_000_000, long toHouseholdsFen = 400_000, int householdsPaid = 40) => new
    {
        asset, year = year ?? Year, amountFen, toCollectiveFen = 400_000, toHouseholdsFen, householdsPaid, toJobsFen = 200_000, jobsPaid = 5,
    };

    /// <summary>An asset of a new implementing project of the test village, registered by the test county's publisher.</summary>
    public async Task<string> AssetAsync() =>
        (await server.MutateOkAsync("registerAsset", AssetInput(await ProjectAsync("IMPLEMENTING")), Publisher, "asset { code }")).GetProperty("asset").GetProperty("code").GetString()!;

    /// <summary>Last year's 雨露计划 standard in <paramref name="region"/>, under a grade of its own so that each input can be recorded once.</summary>
    public static object EntitlementInput(Place region, string? notice = null) => new
    {
        region = region.ShortCode,
        year = Year - 1,
        program = "RAIN_DEW_PLAN",
        grade = $"中职（测试{Unique()}）",
        standardFen = 300_000,
        unit = "PER_STUDENT_PER_YEAR",
        documentTitle = "《关于做好雨露计划补助工作的通知》（测试）",
        documentNumber = "测扶发〔2025〕3号",
        recipients = 120,
        notice,
    };

    /// <summary>A published POLICY notice of <paramref name="region"/> (the test county by default) by <paramref name="token"/>.</summary>
    public async Task<string> PolicyNoticeAsync(Place? region = null, string? token = null)
    {
        var place = region ?? server.County;
        var input = NoticeInput(place, "POLICY", place.ShortCode.Length > 6 ? 10 : null);
        var draft = (await server.MutateOkAsync("draftNotice", input, token ?? Publisher, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
        return (await server.MutateOkAsync("publishNotice", new { notice = draft }, token ?? Publisher, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
    }

    /// <summary>A draft project notice about a new project in <paramref name="region"/> (the test village by default).</summary>
    public async Task<string> DraftAsync(Place? region = null, string? decidedOn = null)
    {
        var place = region ?? server.Village;
        var project = await ProjectAsync(region: place);
        var period = place.ShortCode.Length > 6 ? 10 : (int?)null;
        var input = NoticeInput(place, "PROJECT", period, decidedOn, projects: [project]);
        return (await server.MutateOkAsync("draftNotice", input, Publisher, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
    }

    public async Task<string> PublishedAsync(Place? region = null, string? decidedOn = null)
    {
        var draft = await DraftAsync(region, decidedOn);
        return (await server.MutateOkAsync("publishNotice", new { notice = draft }, Publisher, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
    }

    public static object SupersedeInput(string notice) => new
    {
        notice,
        reason = "原公示项目投资额有误，予以更正。",
        title = $"关于项目安排的更正公示（测试{Unique()}）",
        body = "更正后的项目安排如下，现予公示。",
        decidedOn = Today,
        noticePeriodDays = 10,
        localSupervisionPhone = "0776-7612317",
    };

    public object MisuseReportInput(Place? region = null, string? contactName = null, string? contactPhone = null) => new
    {
        region = (region ?? server.Village).ShortCode,
        category = "EMBEZZLEMENT",
        description = "村里修路的钱被挪作他用，道路至今未修。",
        contactName,
        contactPhone,
    };

    /// <summary>An objection (a misuse report in the test village) moved to <paramref name="status"/> by a reviewer.</summary>
    public async Task<string> ObjectionAsync(string status = "RECEIVED")
    {
        var code = (await server.MutateOkAsync("fileObjection", MisuseReportInput(), null, "objection { code }")).GetProperty("objection").GetProperty("code").GetString()!;
        if (status != "RECEIVED")
        {
            await server.MutateOkAsync("startInvestigation", new { objection = code }, Reviewer, Selection);
        }

        if (status == "ANSWERED")
        {
            await server.MutateOkAsync("answerObjection", new { objection = code, answer = "经核查，道路已于本月开工。" }, Reviewer, Selection);
        }

        return code;
    }

    public string Admin => server.Token(Roles.Admin);

    /// <summary>A value that can be redacted: after.Description of a new misuse report's first audit entry.</summary>
    public async Task<(long Sequence, string Field)> RedactableFieldAsync()
    {
        var id = (await server.MutateOkAsync("fileObjection", MisuseReportInput(), null, "objection { id }")).GetProperty("objection").GetProperty("id").GetString()!;
        var history = await server.GraphQLAsync("query($id: ID!) { history(id: $id) { sequence } }", new { id });
        return (history.Get("data", "history")[0].GetProperty("sequence").GetInt64(), "after.Description");
    }

    public static object RedactionRequestInput(long sequence, string field) => new
    {
        sequence,
        field,
        reason = "公开文本中误含个人姓名，依申请删除。",
        legalBasis = "《中华人民共和国个人信息保护法》第四十七条",
    };

    /// <summary>A redaction an Admin of the test county requested; its code.</summary>
    public async Task<string> RedactionRequestAsync()
    {
        var (sequence, field) = await RedactableFieldAsync();
        return (await server.MutateOkAsync("requestAuditRedaction", RedactionRequestInput(sequence, field), Admin, "redaction { code }"))
            .GetProperty("redaction").GetProperty("code").GetString()!;
    }

    /// <summary>
    /// A village of <paramref name="county"/> (the test county by default) that no exit names yet, registered poor for the
    /// test, with last year's figures – recorded through the API by <paramref name="publisher"/> – that meet the national
    /// standard the test county's province applies (incidence 1.00%).
    /// </summary>
    public async Task<Place> ExitableVillageAsync(Place? county = null, string? publisher = null, int poorPeople = 10)
    {
        var subtree = RegionCode.Of((county ?? server.County).Code);
        var village = await server.ReadAsync(async db =>
        {
            var found = await db.Regions
                .Where(r => r.Level == RegionLevel.Village && r.Code > subtree.SubtreeStart && r.Code < subtree.SubtreeEnd && r.Code != server.Village.Code
                    && r.PovertyStatus != PovertyStatus.Exited && !db.Exits.Any(e => e.RegionCode == r.Code))
                .OrderBy(r => r.Code).FirstAsync();
            // Registration as poor comes from the registry, which no operation writes: the test sets it.
            await db.Regions.Where(r => r.Code == found.Code).ExecuteUpdateAsync(u => u.SetProperty(r => r.PovertyStatus, PovertyStatus.Poor));
            return new Place(found.Code, found.RegionCode.ShortForm, found.Name);
        });
        await server.MutateOkAsync("recordVillageStatistics", new
        {
            region = village.ShortCode, year = Year - 1, population = 1000, poorPeople, poorHouseholds = poorPeople / 3,
            collectiveIncomeFen = 5_000_000, perCapitaDisposableIncomeFen = 1_200_000,
        }, publisher ?? Publisher);
        return village;
    }

    public object ProposeExitInput(Place region, string? office = null) => new
    {
        region = region.ShortCode, year = Year - 1, verifyingOrganization = office ?? server.Office, responsibleRole = "县扶贫开发领导小组组长",
        noticePeriodDays = 10, localSupervisionPhone = "0776-7612317",
    };

    /// <summary>A proposed exit of a fresh village (of the test county, or the other one); its code.</summary>
    public async Task<string> ExitAsync(bool local = true)
    {
        var publisher = local ? Publisher : server.Token(Roles.Publisher, server.OtherCounty);
        var village = await ExitableVillageAsync(local ? null : server.OtherCounty, publisher);
        return (await server.MutateOkAsync("proposeExit", ProposeExitInput(village, local ? null : server.OtherOffice), publisher, "exit { code }"))
            .GetProperty("exit").GetProperty("code").GetString()!;
    }

    /// <summary>
    /// A proposed exit whose notice period has ended: proposed today, then dated back eleven days in the database, as a
    /// notice published then would be (the clocked ExitClockTests reach the same state by moving time).
    /// </summary>
    public async Task<string> ExitAfterPeriodAsync(bool local = true)
    {
        var code = await ExitAsync(local);
        await BackdateAsync(code, 11);
        return code;
    }

    public Task BackdateAsync(string exit, int days) =>
        server.ReadAsync(db => db.Exits.Where(e => e.Code == exit).ExecuteUpdateAsync(u => u.SetProperty(e => e.ProposedOn, e => e.ProposedOn.AddDays(-days))));
}
