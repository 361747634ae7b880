namespace OpenAid.Domain.Tests;

/// <summary>
/// The cases of <see cref="PrivacyGuardTests"/>: disguised personal data the guard must refuse (each of which the guard
/// before normalisation let through) and ordinary public text it must accept.
/// </summary>
public static class PrivacyGuardCases
{
    public const string Id = "an ID number";
    public const string Mobile = "a mobile number";
    public const string Email = "an e-mail address";
    public const string Card = "a bank card number";

    /// <summary>(kind, text): what the text hides.</summary>
    public static readonly (string Kind, string Text)[] Refused =
    [
        // Full-width digits and letters
        (Mobile, "电话１３８１２３４５６７８"),
        (Mobile, "１３８ １２３４ ５６７８"),
        (Mobile, "联系人手机：１３９-１２３４-５６７８。"),
        (Id, "身份证１１０１０５１９４９１２３１００２Ｘ"),
        (Id, "户主４５１０２１１９８５０３１７００２１"),
        (Card, "卡号６２２２０２１２３４５６７８９０１２８"),
        (Mobile, "①③⑧①②③④⑤⑥⑦⑧"),

        // Separators between digits
        (Mobile, "138.1234.5678"),
        (Mobile, "138/1234/5678"),
        (Mobile, "138 - 1234 - 5678"),
        (Mobile, "(138)1234-5678"),
        (Mobile, "138_1234_5678"),
        (Mobile, "1 3 8 1 2 3 4 5 6 7 8"),
        (Mobile, "138–1234–5678"),
        (Mobile, "138—1234—5678"),
        (Mobile, "138\u00A01234\u00A05678"),
        (Mobile, "138\u30001234\u30005678"),
        (Mobile, "138,1234,5678"),
        (Mobile, "138\t1234\t5678"),
        (Mobile, "138\n1234\n5678"),
        (Mobile, "138－1234－5678"),
        (Mobile, "138·1234·5678"),
        (Mobile, "1381-234-5678"),
        (Mobile, "13 81 23 45 67 8"),
        (Mobile, "手机 138.12345678，办公室 0776-7612317"),
        (Mobile, "监督电话12317 138 1234\u20605678"),

        // Format characters inside the number
        (Mobile, "138\u200B1234\u200B5678"),
        (Mobile, "1381234\u200C5678"),
        (Mobile, "13812\u200D345678"),
        (Mobile, "1381\u20602345678"),
        (Mobile, "13812\uFEFF345678"),
        (Mobile, "138\u00AD1234\u00AD5678"),
        (Mobile, "138\u200E1234\u200F5678"),
        (Mobile, "1\u200B3\u200B8\u200B1\u200B2\u200B3\u200B4\u200B5\u200B6\u200B7\u200B8"),
        (Id, "11010519491231\u200B002X"),
        (Id, "4510211985\u20600317\u200D0021"),
        (Card, "6222\u200B0212\u200B3456\u200B7890\u200B128"),

        // Country codes
        (Mobile, "008613812345678"),
        (Mobile, "0086.138.1234.5678"),
        (Mobile, "0086-138.1234.5678"),
        (Mobile, "+86 (138) 1234 5678"),
        (Mobile, "86.138.1234.5678"),
        (Mobile, "+86 138.1234.5678"),
        (Mobile, "＋８６ １３８１２３４５６７８"),
        (Mobile, "（+86）138 1234\u30005678"),
        (Mobile, "００８６１３８１２３４５６７８"),

        // Chinese numerals
        (Mobile, "一三八一二三四五六七八"),
        (Mobile, "幺三八幺二三四五六七八"),
        (Mobile, "壹叁捌壹贰叁肆伍陆柒捌"),
        (Mobile, "一三八 一二三四 五六七八"),
        (Mobile, "138一二三四5678"),
        (Mobile, "零零八六一三八一二三四五六七八"),
        (Mobile, "电话一三九〇〇〇〇一一一一"),
        (Mobile, "手机号码：一三八-一二三四-五六七八"),
        (Id, "一一〇一〇五一九四九一二三一〇〇二X"),
        (Id, "身份证号四五一〇二一一九八五〇三一七〇〇二一"),
        (Card, "六二二二〇二一二三四五六七八九〇一二八"),

        // First-generation (15-digit) ID numbers
        (Id, "110105491231002"),
        (Id, "身份证号451021850317002"),
        (Id, "老身份证 110105 491231 002"),
        (Id, "４５１０２１８５０３１７００２"),
        (Id, "450000900101123。"),
        (Id, "户主320102 701231 451"),

        // ID numbers with spaces or dashes
        (Id, "110105 19491231 002X"),
        (Id, "110105-19491231-002X"),
        (Id, "1101 0519 4912 3100 2X"),
        (Id, "110 105 194 912 310 02X"),
        (Id, "110105.19491231.002X"),
        (Id, "身份证：451021 1985 0317 0021"),
        (Id, "451021-198503-170021"),
        (Id, "110105/19491231/002x"),

        // ID-shaped numbers with a valid region and date but a wrong check character
        (Id, "110105194912310021"),
        (Id, "110105194912310020"),
        (Id, "45102119850317002X"),
        (Id, "身份证450000199001011234"),
        (Id, "户主 320102197012314513 已脱贫"),
        (Id, "650102200002290017"),
        (Id, "110105194912310029（校验位不对也不可公开）"),
        (Id, "810000198001011230"),

        // E-mail addresses in disguise
        (Email, "zhang.san＠example.com"),
        (Email, "zhang.san@example。com"),
        (Email, "zhang.san＠example。com"),
        (Email, "张三@example.com"),
        (Email, "张三＠example.com"),
        (Email, "zhangsan@example．com"),
        (Email, "ｚｈａｎｇｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
        (Email, "zhangsan@\u200Bexample.com"),
        (Email, "zhangsan@exa\u200Bmple.com"),
        (Email, "王五@example.cn"),
        (Email, "josé@example.com"),
        (Email, "邮箱 小明@example.org"),
        (Email, "zhang.san@example｡com"),
        (Email, "zhangsan@example。com。cn"),
        (Email, "材料发至李四@扶贫办.中国"),
        (Email, "zhangsan\u200B@example.com"),

        // Bank card numbers (valid Luhn check digit)
        (Card, "6222021234567890128"),
        (Card, "银行卡号：6228480012345678903"),
        (Card, "4367 4200 1234 5673"),
        (Card, "卡号 5187 1012 3456 7899"),
        (Card, "6217-0012-3456-7890-122"),
        (Card, "9559980012345678903"),
        (Card, "6000000000000007"),
        (Card, "补助发放至 6222 0212 3456 7890 128 账户"),
    ];

    /// <summary>Ordinary public text that merely holds numbers, dates, codes or an @.</summary>
    public static readonly string[] Accepted =
    [
        // Dates and times
        "2019-03-12",
        "2019年3月12日",
        "2019.03.12",
        "2019/03/12",
        "2019-03-12至2020-03-11",
        "2019-03-12 — 2020-03-11",
        "2019.03.12-2020.03.11",
        "20190312",
        "２０１９年３月１２日",
        "二〇一九年三月十二日",
        "2019-03-12 14:30:00",
        "一九八五年三月十七日",
        "1985-03-17",
        "2018 2019 2020 2021 年度连续实施",
        "2016、2017、2018年",

        // Amounts
        "资金 12,345,678.90 元",
        "1,381,234,567.89元",
        "2,138,123,456.78元",
        "¥13,812,345,678",
        "138123456.78元",
        "投资1381234567元",
        "13,800元",
        "合计 1381234567 分",
        "2019年投入资金1,200万元，2020年投入1,500万元",
        "面积 1,234.5 亩",
        "单价 13.80 元，数量 12345678 件",
        "共计 ¥ 6,222,021,234.56",
        "１２，３４５，６７８．９０元",
        "138.12万元",
        "预算 4,367,420,012.34 元",

        // Region codes
        "451021100201",
        "行政区划代码 451021100201",
        "451021100201、451021100202",
        "451021100201 451021100202",
        "451021",
        "4510",
        "区划代码：450000000000",
        "110105001000",

        // Landlines and service numbers
        "0776-7612317",
        "(0776)7612317",
        "0776 761 2317",
        "010-65123456",
        "+86 776 7612317",
        "0086-776-7612317",
        "+86-10-65123456",
        "监督电话 12317，本地 0776-1234567",
        "12317",
        "400-800-1234",
        "800-820-8820",
        "95588",
        "0776-7612317转8001",
        "（０７７６）７６１２３１７",
        "监督电话0776-7612317，全国扶贫监督举报电话12317。",

        // Document numbers and record codes
        "桂财农〔2018〕12号",
        "国办发〔2019〕8号",
        "财农〔2021〕123号",
        "桂政办发〔2019〕108号",
        "桂财农〔２０１８〕１２号",
        "GS-451021-2019-0031",
        "XM-451027-2020-0012",
        "CG-451027-2021-0456",
        "JY-0000042",
        "ORG-000123",
        "JD-00012",
        "统一社会信用代码 91350100M000100Y43",
        "91450000MA5KQ3W21X",
        "项目投资1381234567元，编号20190312345678。",
        "ISBN 978-7-301-12345-6",

        // Counts and other figures
        "项目惠及贫困户 120 户 436 人",
        "共 3 个村 12 个组 1386 户 5429 人",
        "共１２０户４３６人",
        "完成率 98.5%",
        "增长 13.8%",
        "比例 1:3",
        "1 2 3 4 5",
        "第 1、3、5、7 组",
        "东经107.23°，北纬24.35°",
        "版本 v1.2.3",
        "192.168.1.100",
        "账号尾号 5678",
        "138-1234-567",
        "十七位数字11010519491231002",
        "1101051949123100210",
        "110105194913310027",
        "000105194912310021",
        "990105194912310021",
        "110105180012310021",
        "110105194902300021",
        "123456789012",
        "12345678901",
        "1381234567890",
        "1381234567",
        "10012345678",
        "6222021234567891",
        "1234567812345670",
        "622202123456789",
        "110105491331002",
        "身份证号格式示例451021198513310021（日期不存在）",

        // Chinese numerals in ordinary words
        "一村一品",
        "三年行动计划",
        "第一书记",
        "十三五规划",
        "二〇一九年度",
        "一二三四五六七八九",
        "两不愁三保障",
        "五个一批，六个精准",
        "一户一策 一人一档",
        "三五成群",

        // An @ or a dot in ordinary text
        "文号桂财农〔2018〕12号，联系邮箱请见县政府网站 at example dot com。",
        "微博@凌云县扶贫办",
        "@县扶贫办。请关注",
        "价格@5元",
        "邮箱见县政府网站",
        "see www.example.com",
        "请于3月12日前报送。谢谢。",

        // Harmless format characters
        "项目\u200B完工",
        "\uFEFF项目已验收",
    ];

    public static TheoryData<string, string> RefusedData()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, text) in Refused)
        {
            data.Add(kind, text);
        }

        return data;
    }

    public static TheoryData<string> AcceptedData() => [.. Accepted];
}
