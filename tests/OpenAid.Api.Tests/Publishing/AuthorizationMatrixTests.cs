using System.Globalization;
using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Every mutation in the schema, found by introspection, against every kind of caller: anonymous, each role in the
/// right region, and the right role in another region. Only the right caller may write; everyone else gets a typed
/// UNAUTHENTICATED or FORBIDDEN error and nothing is written. A mutation added later without a case below is still
/// covered: it must refuse anonymous callers, and write nothing whenever it refuses.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public partial class AuthorizationMatrixTests(PublishingServer server, ITestOutputHelper output)
{
    /// <summary>Mutations anyone may call, signed in or not.</summary>
    private static readonly HashSet<string> OpenToEveryone = ["fileObjection"];

    /// <summary>Mutations whose role is not bound to a region: the audit trail is one for the whole country.</summary>
    private static readonly HashSet<string> Nationwide =
    [
        "requestAuditRedaction", "redactAuditField", "declineAuditRedaction",
        // Onboarding: organisations, programs and pairings span provinces (AuthorizationMatrixTests.Onboarding.cs).
        "registerOrganization", "updateOrganization", "createProgram", "decideProgramApplication", "removeProgramMember", "createPairing", "endPairing",
        // A province's published rural average is reference data an Admin keeps for any province.
        "recordProvincialRuralIncome",
    ];

    private Samples Samples => server.Samples;

    /// <summary>The role each mutation needs, and a valid input for the test county made fresh for each successful call.</summary>
    private Dictionary<string, (string Role, Func<Task<object>> Input)> Cases() => new()
    {
        ["createFund"] = (Roles.Publisher, () => Task.FromResult(Samples.FundInput())),
        ["allocateFund"] = (Roles.Publisher, async () => new { fund = await Samples.FundAsync(), project = await Samples.ProjectAsync(), amountFen = 1000, decidedOn = Samples.Today }),
        ["transferFund"] = (Roles.Publisher, async () => new { fund = await Samples.FundAsync(), toFund = await Samples.PoolAsync(), amountFen = 1000, date = Samples.Today }),
        ["recordTransaction"] = (Roles.Publisher, async () => new { kind = "COMMITMENT", amountFen = 1000, date = Samples.Today, project = await Samples.ProjectAsync(), description = "签订施工合同。" }),
        ["createProject"] = (Roles.Publisher, () => Task.FromResult(Samples.ProjectInput())),
        ["moveProject"] = (Roles.Publisher, async () => new { project = await Samples.ProjectAsync(), to = "APPROVED" }),
        ["recordProjectResults"] = (Roles.Publisher, async () => new { project = await Samples.ProjectAsync("IMPLEMENTING"), beneficiaryHouseholds = 12, beneficiaryPeople = 40 }),
        ["recordVillageStatistics"] = (Roles.Publisher, () => Task.FromResult<object>(new
        {
            region = server.Village.ShortCode, year = Samples.Year - 1, population = 1200, poorPeople = 80, poorHouseholds = 25,
            collectiveIncomeFen = 5_000_000, perCapitaDisposableIncomeFen = 1_200_000,
        })),
        ["recordCountyStatistics"] = (Roles.Publisher, () => Task.FromResult<object>(CountyFigures())),
        ["recordMicrocredit"] = (Roles.Publisher, () => Task.FromResult(MicrocreditFigures())),
        ["recordProvincialRuralIncome"] = (Roles.Admin, () => Task.FromResult<object>(new { province = server.County.ShortCode[..2], year = Samples.Year - 1, perCapitaIncomeFen = 1_500_000 + Samples.Unique() })),
        ["proposeExit"] = (Roles.Publisher, async () => Samples.ProposeExitInput(await Samples.ExitableVillageAsync())),
        ["confirmExit"] = (Roles.Publisher, async () => new { exit = await Samples.ExitAfterPeriodAsync() }),
        ["withdrawExit"] = (Roles.Publisher, async () => new { exit = await Samples.ExitAsync(), reason = "核查发现数据有误，撤回重报。" }),
        ["recordVillageFacilities"] = (Roles.Publisher, () => Task.FromResult<object>(new { region = server.Village.ShortCode, year = Samples.Year - 1, present = new[] { "POWER", "CLINIC" } })),
        ["recordMonitoring"] = (Roles.Publisher, () => Task.FromResult<object>(new { region = server.Village.ShortCode, year = Samples.Year - 1, peopleExited = 12, peopleRelapsed = 1, householdsMonitored = 4 })),
        ["registerAsset"] = (Roles.Publisher, async () => Samples.AssetInput(await Samples.ProjectAsync("IMPLEMENTING"))),
        ["recordAssetIncome"] = (Roles.Publisher, async () => Samples.IncomeInput(await Samples.AssetAsync())),
        ["recordEntitlement"] = (Roles.Publisher, () => Task.FromResult(Samples.EntitlementInput(server.Village))),
        ["draftNotice"] = (Roles.Publisher, async () => Samples.NoticeInput(server.Township, projects: [await Samples.ProjectAsync()])),
        ["updateDraftNotice"] = (Roles.Publisher, async () => new
        {
            notice = await Samples.DraftAsync(), title = "关于项目安排的公示（修改稿）", body = "修改后的正文。", decidedOn = Samples.Today,
            noticePeriodDays = 15, localSupervisionPhone = "0776-7612317",
        }),
        ["publishNotice"] = (Roles.Publisher, async () => new { notice = await Samples.DraftAsync() }),
        ["supersedeNotice"] = (Roles.Publisher, async () => Samples.SupersedeInput(await Samples.PublishedAsync())),
        ["withdrawNotice"] = (Roles.Publisher, async () => new { notice = await Samples.PublishedAsync(), reason = "项目已取消。" }),
        ["fileObjection"] = (Roles.Publisher, () => Task.FromResult(Samples.MisuseReportInput())),
        ["startInvestigation"] = (Roles.Reviewer, async () => new { objection = await Samples.ObjectionAsync() }),
        ["answerObjection"] = (Roles.Reviewer, async () => new { objection = await Samples.ObjectionAsync("INVESTIGATING"), answer = "经核查，情况属实，已责令整改。" }),
        ["rejectObjection"] = (Roles.Reviewer, async () => new { objection = await Samples.ObjectionAsync(), reason = "经核查，反映的道路已按计划完工。" }),
        ["requestAuditRedaction"] = (Roles.Admin, async () =>
        {
            var (sequence, field) = await Samples.RedactableFieldAsync();
            return Samples.RedactionRequestInput(sequence, field);
        }),
        ["redactAuditField"] = (Roles.Auditor, async () => new { redaction = await Samples.RedactionRequestAsync() }),
        ["grantRole"] = (Roles.Admin, () => Task.FromResult(GrantInput())),
        ["revokeRole"] = (Roles.Admin, async () => new
        {
            grant = (await server.MutateOkAsync("grantRole", GrantInput(), server.Token(Roles.Admin), "grant { id }")).GetProperty("grant").GetProperty("id").GetString(),
            reason = "调离岗位。",
        }),
        ["declineAuditRedaction"] = (Roles.Auditor, async () => new { redaction = await Samples.RedactionRequestAsync(), reason = "所涉文字为单位名称，不属于个人信息。" }),
    };

    private object CountyFigures() => new
    {
        region = server.County.ShortCode, year = Samples.Year - 1, population = 300_000, poorPeople = 3_000, poorHouseholds = 1_000, ruralPerCapitaDisposableIncomeFen = 1_100_000,
    };

    private static int _microcreditYears;

    /// <summary>
    /// The test county's first microcredit figures of a year no other call recorded (a second record of a year is a
    /// correction): from 2001 on, before the demo data's years; MicrocreditTests use 2010 and later.
    /// </summary>
    private object MicrocreditFigures() => new
    {
        region = server.County.ShortCode, year = 2000 + Interlocked.Increment(ref _microcreditYears), loansIssuedCount = 300, loansIssuedFen = 1_500_000_000,
        outstandingBalanceFen = 1_200_000_000, overdueFen = 6_000_000, interestSubsidyFen = 45_000_000, riskCompensationFundFen = 200_000_000,
    };

    /// <summary>A village Publisher grant for a new person in the test county.</summary>
    private object GrantInput() => new
    {
        person = $"test-granted-{Guid.NewGuid():N}", personName = "农海军", role = "PUBLISHER", region = server.Village.ShortCode, organization = server.Office, reason = "村级信息员。",
    };

    [Fact]
    public async Task Every_mutation_lets_only_its_role_in_its_region_write_and_writes_nothing_when_it_refuses()
    {
        var schema = await IntrospectAsync();
        var cases = Cases().Concat(OnboardingCases()).Concat(WorkTeamCases()).ToDictionary();
        var failures = new List<string>();
        foreach (var mutation in schema.Mutations)
        {
            if (cases.TryGetValue(mutation.Name, out var known))
            {
                await CheckAsync(mutation, known.Role, known.Input, failures);
            }
            else
            {
                output.WriteLine($"{mutation.Name}: no case here; checked with a synthesised input.");
                await CheckUnknownAsync(mutation, schema, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(cases.Keys.Except(schema.Mutations.Select(m => m.Name)));
    }

    private async Task CheckAsync(Mutation mutation, string role, Func<Task<object>> makeInput, List<string> failures)
    {
        var open = OpenToEveryone.Contains(mutation.Name);
        var callers = Callers(role);
        var input = await makeInput();
        var allowedCalls = 0;

        // Refused callers first: they must leave the input's records as they are for the allowed caller.
        foreach (var (caller, token, allowed) in callers.Select(c => (c.Name, c.Token, open || c.Role == role && (c.InRegion || Nationwide.Contains(mutation.Name)))).OrderBy(c => c.Item3))
        {
            if (allowed && allowedCalls++ > 0)
            {
                input = await makeInput();
            }

            var before = await server.WatermarkAsync();
            var response = await SendAsync(mutation, input, token);
            var after = await server.WatermarkAsync();
            var label = $"{mutation.Name} as {caller}";
            if (allowed)
            {
                var errors = response.HasData && response.Data.ValueKind == JsonValueKind.Object ? response.Get("data", mutation.Name, "errors").GetArrayLength() : -1;
                Expect(failures, response.Errors.Count == 0 && errors == 0, $"{label}: expected success, got {response}");
                Expect(failures, after.AuditEntries > before.AuditEntries && after.DataVersion > before.DataVersion, $"{label}: succeeded but no audit entry was written");
            }
            else
            {
                var expected = token is null ? "UNAUTHENTICATED" : "FORBIDDEN";
                Expect(failures, response.ErrorCodes.SequenceEqual([expected]), $"{label}: expected {expected}, got {response}");
                Expect(failures, before == after, $"{label}: refused, but something was written ({before} → {after})");
            }
        }
    }

    /// <summary>A mutation without a case: anonymous callers are refused, and nothing is written whenever anyone is refused.</summary>
    private async Task CheckUnknownAsync(Mutation mutation, Schema schema, List<string> failures)
    {
        var input = schema.Synthesise(mutation.InputType);
        foreach (var (caller, token, _, _) in Callers(Roles.Admin))
        {
            var before = await server.WatermarkAsync();
            var response = await SendAsync(mutation, input, token);
            var after = await server.WatermarkAsync();
            var refused = response.Errors.Count > 0
                || (response.HasData && response.Data.ValueKind == JsonValueKind.Object && response.Get("data", mutation.Name, "errors").GetArrayLength() > 0);
            if (token is null && !OpenToEveryone.Contains(mutation.Name))
            {
                Expect(failures, response.ErrorCodes.SequenceEqual(["UNAUTHENTICATED"]), $"{mutation.Name} as {caller}: expected UNAUTHENTICATED, got {response}");
            }

            Expect(failures, !response.ErrorCodes.Any(c => c is null or "INTERNAL_SERVER_ERROR" or "UNHANDLED_ERROR"), $"{mutation.Name} as {caller}: an untyped error: {response}");
            Expect(failures, !refused || before == after, $"{mutation.Name} as {caller}: refused, but something was written ({before} → {after})");
        }
    }

    private List<(string Name, string? Token, string? Role, bool InRegion)> Callers(string role)
    {
        var callers = new List<(string, string?, string?, bool)> { ("anonymous", null, null, false) };
        callers.AddRange(Roles.All.Select(r => ($"{r} of {server.County.Name}", (string?)server.Token(r), (string?)r, true)));
        callers.Add(($"{role} of {server.OtherCounty.Name}", server.Token(role, server.OtherCounty), role, false));
        return callers;
    }

    private Task<GraphQLResponse> SendAsync(Mutation mutation, object input, string? token) =>
        server.GraphQLAsync($"mutation($input: {mutation.InputType}!) {{ {mutation.Name}(input: $input) {{ errors {{ code field }} }} }}", new { input }, token);

    private static void Expect(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }

    private async Task<Schema> IntrospectAsync()
    {
        const string query = """
            {
              __schema {
                mutationType { fields { name args { name type { ...Ref } } } }
                types { name kind enumValues { name } inputFields { name type { ...Ref } } }
              }
            }
            fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
            """;
        var response = await server.GraphQLAsync(query);
        Assert.True(response.Errors.Count == 0, response.ToString());
        var root = response.Get("data", "__schema");
        var mutations = root.GetProperty("mutationType").GetProperty("fields").EnumerateArray()
            .Select(f =>
            {
                var args = f.GetProperty("args").EnumerateArray().ToList();
                Assert.True(args.Count == 1 && args[0].GetProperty("name").GetString() == "input", $"{f.GetProperty("name")} does not take one 'input' argument (DESIGN.md, API conventions).");
                return new Mutation(f.GetProperty("name").GetString()!, Schema.Named(args[0].GetProperty("type")));
            })
            .ToList();
        Assert.NotEmpty(mutations);
        return new Schema(mutations, root.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!));
    }

    private sealed record Mutation(string Name, string InputType);

    /// <summary>The introspected mutations and types, enough to build a well-typed input for any mutation.</summary>
    private sealed record Schema(IReadOnlyList<Mutation> Mutations, IReadOnlyDictionary<string, JsonElement> Types)
    {
        /// <summary>The names of an input type's fields and of the fields of the input types below it.</summary>
        public HashSet<string> FieldNames(string inputType) =>
            [.. Types[inputType].GetProperty("inputFields").EnumerateArray().SelectMany(f =>
            {
                var type = Named(f.GetProperty("type"));
                return (IEnumerable<string>)[f.GetProperty("name").GetString()!, .. Types[type].GetProperty("kind").GetString() == "INPUT_OBJECT" ? FieldNames(type) : []];
            })];

        public static string Named(JsonElement type) =>
            type.GetProperty("kind").GetString() is "NON_NULL" or "LIST" ? Named(type.GetProperty("ofType")) : type.GetProperty("name").GetString()!;

        /// <summary>Required fields only, each with a value of its type; optional fields are left out.</summary>
        public Dictionary<string, object?> Synthesise(string inputType) =>
            Types[inputType].GetProperty("inputFields").EnumerateArray()
                .Where(f => f.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL")
                .ToDictionary(f => f.GetProperty("name").GetString()!, f => Value(f.GetProperty("type").GetProperty("ofType")));

        private object? Value(JsonElement type)
        {
            if (type.GetProperty("kind").GetString() is "LIST")
            {
                return Array.Empty<object>();
            }

            var name = type.GetProperty("name").GetString()!;
            return Types[name].GetProperty("kind").GetString() switch
            {
                "ENUM" => Types[name].GetProperty("enumValues")[0].GetProperty("name").GetString(),
                "INPUT_OBJECT" => Synthesise(name),
                _ => name switch
                {
                    "Int" or "Long" or "Float" or "Decimal" => 1,
                    "Boolean" => false,
                    "DateOnly" => Samples.Today,
                    "DateTimeOffset" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                    _ => "x",
                },
            };
        }
    }
}
