using static OpenAid.Api.Tests.Publishing.NoticeRulesTests;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The privacy guard on the public text fields of the mutations, through the API: ID numbers with a valid region and date
/// shape (whatever the check character, also in disguise), mobile numbers and e-mail addresses are refused naming the
/// field and the kind of data found (the writer must know what to take out); values that only look alike pass.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class PrivacyGuardApiTests(PublishingServer server)
{
    /// <summary>A resident ID number with a valid check character (and one whose check character is X).</summary>
    private static readonly string IdNumber = WithCheckCharacter("45102119850317002");

    private static readonly string IdNumberX = Enumerable.Range(0, 1000).Select(i => WithCheckCharacter($"45102119900101{i:D3}")).First(id => id.EndsWith('X'));

    public static TheoryData<string, string, string, string> PersonalData()
    {
        (string Value, string Kind)[] values =
        [
            ($"受益户身份证号{IdNumber}。", "RESIDENT_ID_NUMBER"),
            ($"户主{IdNumberX.ToLowerInvariant()}", "RESIDENT_ID_NUMBER"),
            ("请联系13812345678。", "MOBILE_PHONE_NUMBER"),
            ("电话 +86 139-1234-5678", "MOBILE_PHONE_NUMBER"),
            ("材料发至 zhang.san@example.com", "EMAIL_ADDRESS"),
            ($"身份证号{IdNumber[..17]}{(IdNumber[17] == '0' ? '1' : '0')}（校验位错误）", "RESIDENT_ID_NUMBER"),
            ("电话 １３８ １２３４\u200B５６７８", "MOBILE_PHONE_NUMBER"),
            ("材料发至 张三＠example。com", "EMAIL_ADDRESS"),
        ];
        var data = new TheoryData<string, string, string, string>();
        foreach (var (mutation, field) in Fields)
        {
            foreach (var (value, kind) in values)
            {
                data.Add(mutation, field, value, kind);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> NearMisses()
    {
        string[] values =
        [
            $"身份证号格式示例{IdNumber[..6]}19851331{IdNumber[14..]}（日期不存在）",
            "资金 2,138,123,456.78 元，区划代码 451021100201，日期 2019-03-12。",
            $"十七位数字{IdNumber[..17]}",
            "监督电话0776-7612317，全国扶贫监督举报电话12317。",
            "项目投资1381234567元，编号20190312345678。",
            "文号桂财农〔2018〕12号，联系邮箱请见县政府网站 at example dot com。",
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var value in values)
        {
            data.Add("draftNotice", "body", value);
            data.Add("fileObjection", "description", value);
            data.Add("createProject", "description", value);
        }

        return data;
    }

    private static readonly (string Mutation, string Field)[] Fields =
    [
        ("createFund", "purpose"),
        ("createFund", "name"),
        ("recordTransaction", "description"),
        ("createProject", "description"),
        ("createProject", "responsibleRole"),
        ("moveProject", "reason"),
        ("draftNotice", "title"),
        ("draftNotice", "body"),
        ("supersedeNotice", "reason"),
        ("withdrawNotice", "reason"),
        ("fileObjection", "description"),
        ("answerObjection", "answer"),
        ("rejectObjection", "reason"),
    ];

    private static readonly Dictionary<string, string> Described = new()
    {
        ["RESIDENT_ID_NUMBER"] = "a resident ID number",
        ["MOBILE_PHONE_NUMBER"] = "a mobile phone number",
        ["EMAIL_ADDRESS"] = "an e-mail address",
    };

    private Samples Samples => server.Samples;

    [Theory]
    [MemberData(nameof(PersonalData))]
    public async Task Personal_data_in_a_public_field_is_refused_naming_the_field_and_the_kind(string mutation, string field, string value, string kind)
    {
        var input = With(await InputAsync(mutation), field, value);
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync(mutation, input, Token(mutation), Samples.Selection);

        AssertError(payload, "PERSONAL_DATA", field);
        var error = payload.GetProperty("errors")[0];
        Assert.Equal(new Dictionary<string, string> { ["kind"] = kind }, OpenAid.Api.Tests.Errors.ErrorParameterTests.Params(error));
        Assert.Contains($"The field '{field}' contains what looks like {Described[kind]}.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public async Task Values_that_only_look_like_personal_data_are_accepted(string mutation, string field, string value)
    {
        var input = With(await InputAsync(mutation), field, value);

        var payload = await server.MutateAsync(mutation, input, Token(mutation), Samples.Selection);

        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, payload.ToString());
    }

    private string? Token(string mutation) => mutation switch
    {
        "fileObjection" => null,
        "answerObjection" or "rejectObjection" => Samples.Reviewer,
        _ => Samples.Publisher,
    };

    private async Task<object> InputAsync(string mutation) => mutation switch
    {
        "createFund" => Samples.FundInput(),
        "recordTransaction" => new { kind = "COMMITMENT", amountFen = 1000, date = Samples.Today, project = await Samples.ProjectAsync(), description = "签订施工合同。" },
        "createProject" => Samples.ProjectInput(),
        "moveProject" => new { project = await Samples.ProjectAsync(), to = "CANCELLED", reason = "规划调整。" },
        "draftNotice" => Samples.NoticeInput(server.Village, projects: [await Samples.ProjectAsync()]),
        "supersedeNotice" => Samples.SupersedeInput(await Samples.PublishedAsync()),
        "withdrawNotice" => new { notice = await Samples.PublishedAsync(), reason = "撤回。" },
        "fileObjection" => Samples.MisuseReportInput(),
        "answerObjection" => new { objection = await Samples.ObjectionAsync("INVESTIGATING"), answer = "已核实。" },
        "rejectObjection" => new { objection = await Samples.ObjectionAsync(), reason = "不属实。" },
        _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null),
    };

    private static string WithCheckCharacter(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Fact]
    public void The_sample_ID_numbers_are_real_shaped()
    {
        Assert.True(OpenAid.Domain.Common.PrivacyGuard.IsResidentIdNumber(IdNumber));
        Assert.True(OpenAid.Domain.Common.PrivacyGuard.IsResidentIdNumber(IdNumberX));
    }
}
