using OpenAid.Api.Auth;
using OpenAid.Domain.Organizations;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>The onboarding operations' inputs for the matrices: each call gets records of its own (a program, an application, a pairing).</summary>
public partial class AuthorizationMatrixTests
{
    private string Admin => server.Token(Roles.Admin);

    /// <summary>The county office, acting as the organisation that applies and leaves (any kind of organisation may join a program).</summary>
    private string OfficeDonor => server.Token(Roles.Donor);

    private static string NewCreditCode()
    {
        var first17 = $"91451027{Samples.Unique() + 700_000_000:D9}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static object OrganizationInput() =>
        new { kind = "PRIVATE_ENTERPRISE", name = $"测试企业{Samples.Unique()}", creditCode = NewCreditCode(), description = "农产品加工。", region = "451027" };

    private async Task<string> NewOrganizationAsync() =>
        (await server.MutateOkAsync("registerOrganization", OrganizationInput(), Admin, "organization { code }")).GetProperty("organization").GetProperty("code").GetString()!;

    private async Task<string> NewProgramAsync()
    {
        var code = $"AM{Samples.Unique()}";
        await server.MutateOkAsync("createProgram", new { code, name = $"测试行动{code}", kind = "ENTERPRISE_CAMPAIGN", description = "企业帮扶。", startYear = 2016 }, Admin);
        return code;
    }

    private async Task<string> ApplicationAsync(string program) =>
        (await server.MutateOkAsync("applyToProgram", new { organization = server.Office, program, motivation = "开展产业帮扶。" }, OfficeDonor, "application { id }"))
            .GetProperty("application").GetProperty("id").GetString()!;

    /// <summary>A program the county office is a member of.</summary>
    private async Task<string> JoinedProgramAsync()
    {
        var program = await NewProgramAsync();
        await server.MutateOkAsync("decideProgramApplication", new { application = await ApplicationAsync(program), decision = "APPROVE" }, Admin);
        return program;
    }

    private async Task<object> PairingInputAsync() => new
    {
        program = await NewProgramAsync(), helperOrganization = server.Office, helpedRegion = server.Village.ShortCode, startYear = Samples.Year,
        yearlyPlan = "每年援建一个产业项目。", yearlyBudgetFen = 1_000_000,
    };

    private Dictionary<string, (string Role, Func<Task<object>> Input)> OnboardingCases() => new()
    {
        ["registerOrganization"] = (Roles.Admin, () => Task.FromResult(OrganizationInput())),
        ["updateOrganization"] = (Roles.Admin, async () => new { organization = await NewOrganizationAsync(), kind = "SOCIAL_ORGANIZATION", name = $"测试基金会{Samples.Unique()}", creditCode = NewCreditCode(), outsideProvince = 31, place = "上海市" }),
        ["createProgram"] = (Roles.Admin, () => Task.FromResult<object>(new { code = $"AM{Samples.Unique()}", name = "测试行动", kind = "ENTERPRISE_CAMPAIGN", description = "企业帮扶。", startYear = 2016 })),
        ["applyToProgram"] = (Roles.Donor, async () => new { organization = server.Office, program = await NewProgramAsync(), motivation = "开展产业帮扶。" }),
        ["decideProgramApplication"] = (Roles.Admin, async () => new { application = await ApplicationAsync(await NewProgramAsync()), decision = "APPROVE" }),
        ["leaveProgram"] = (Roles.Donor, async () => new { organization = server.Office, program = await JoinedProgramAsync(), reason = "工作调整。" }),
        ["removeProgramMember"] = (Roles.Admin, async () => new { organization = server.Office, program = await JoinedProgramAsync(), reason = "长期未开展帮扶。" }),
        ["createPairing"] = (Roles.Admin, PairingInputAsync),
        ["endPairing"] = (Roles.Admin, async () =>
        {
            var pairing = (await server.MutateOkAsync("createPairing", await PairingInputAsync(), Admin, "pairing { code }")).GetProperty("pairing").GetProperty("code").GetString()!;
            return new { pairing, reason = "帮扶关系调整。" };
        }),
    };
}
