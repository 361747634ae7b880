using OpenAid.Domain.Common;
using OpenAid.Domain.Microcredit;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Microcredit;

public class MicrocreditRecordTests
{
    private static readonly Region County = Sample.Place(451_021_000_000, "田阳县", RegionLevel.County);
    private static readonly DateTimeOffset Now = new(2020, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly MicrocreditFigures Figures = new(1_200, 600_000_000, 450_000_000, 9_000_000, 12_000_000, 50_000_000);

    private static MicrocreditRecord Record(MicrocreditFigures? figures = null, int year = 2019, Region? region = null) =>
        MicrocreditRecord.Record(region ?? County, year, figures ?? Figures, null, null, Now);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_first_record_is_version_one_and_in_force()
    {
        var record = Record();

        Assert.Equal((451_021_000_000, 2019, 1), (record.RegionCode, record.Year, record.Version));
        Assert.Equal((1_200, 600_000_000L, 450_000_000L, 9_000_000L), (record.LoansIssuedCount, record.LoansIssuedFen, record.OutstandingBalanceFen, record.OverdueFen));
        Assert.Equal((12_000_000L, 50_000_000L), (record.InterestSubsidyFen, record.RiskCompensationFundFen));
        Assert.True(record.IsCurrent);
        Assert.Null(record.CorrectionReason);
        Assert.Equal(Now, record.RecordedAt);
    }

    [Theory]
    [InlineData(RegionLevel.Province)]
    [InlineData(RegionLevel.City)]
    [InlineData(RegionLevel.Township)]
    [InlineData(RegionLevel.Village)]
    public void Microcredit_is_recorded_for_counties_only(RegionLevel level) =>
        AssertRefused("NOT_A_COUNTY", "region", () => Record(region: Sample.Place(451_021_100_001, "某地", level)));

    [Fact]
    public void Counts_and_amounts_are_not_negative_and_zero_is_allowed()
    {
        AssertRefused("INVALID_COUNT", "loansIssuedCount", () => Record(Figures with { LoansIssuedCount = -1 }));
        AssertRefused("INVALID_AMOUNT", "loansIssuedFen", () => Record(Figures with { LoansIssuedFen = -1 }));
        AssertRefused("INVALID_AMOUNT", "outstandingBalanceFen", () => Record(Figures with { OutstandingBalanceFen = -1 }));
        AssertRefused("INVALID_AMOUNT", "overdueFen", () => Record(Figures with { OverdueFen = -1 }));
        AssertRefused("INVALID_AMOUNT", "interestSubsidyFen", () => Record(Figures with { InterestSubsidyFen = -1 }));
        AssertRefused("INVALID_AMOUNT", "riskCompensationFundFen", () => Record(Figures with { RiskCompensationFundFen = -1 }));
        AssertRefused("INVALID_AMOUNT", "loansIssuedFen", () => Record(Figures with { LoansIssuedFen = Fields.MaxAmountFen + 1 }));

        var none = Record(new MicrocreditFigures(0, 0, 0, 0, 0, 0));
        Assert.Equal(0, none.LoansIssuedCount);
        Assert.Equal(0, none.OutstandingBalanceFen);
    }

    [Fact]
    public void The_overdue_amount_is_part_of_the_balance()
    {
        Assert.Equal(450_000_000, Record(Figures with { OverdueFen = 450_000_000 }).OverdueFen);
        var e = Assert.Throws<DomainException>(() => Record(Figures with { OverdueFen = 450_000_001 }));
        Assert.Equal(("OVERDUE_EXCEEDS_BALANCE", "overdueFen"), (e.Code, e.Field));
    }

    [Fact]
    public void The_year_has_begun()
    {
        Assert.Equal(2020, Record(year: 2020).Year);
        AssertRefused("INVALID_YEAR", "year", () => Record(year: 2021));
        AssertRefused("INVALID_YEAR", "year", () => Record(year: 1999));
    }

    [Fact]
    public void A_first_record_states_no_correction_reason() =>
        AssertRefused("REASON_NOT_APPLICABLE", "correctionReason", () => MicrocreditRecord.Record(County, 2019, Figures, null, "更正", Now));

    [Fact]
    public void A_correction_is_a_new_version_with_its_reason_and_keeps_the_old_one_superseded()
    {
        var first = Record();
        var later = Now.AddDays(30);

        var second = MicrocreditRecord.Record(County, 2019, Figures with { OverdueFen = 8_000_000 }, first, " 逾期金额更正 ", later);

        Assert.Equal(2, second.Version);
        Assert.Equal("逾期金额更正", second.CorrectionReason);
        Assert.True(second.IsCurrent);
        Assert.False(first.IsCurrent);
        Assert.Equal(later, first.SupersededAt);
        // The old version keeps its figures.
        Assert.Equal(9_000_000, first.OverdueFen);
    }

    [Fact]
    public void A_correction_states_why_in_public_text()
    {
        var first = Record();
        AssertRefused("REQUIRED", "correctionReason", () => MicrocreditRecord.Record(County, 2019, Figures, first, " ", Now));
        AssertRefused("PERSONAL_DATA", "correctionReason", () => MicrocreditRecord.Record(County, 2019, Figures, first, "借款人电话 13812345678", Now));
        Assert.True(first.IsCurrent);
    }

    [Fact]
    public void A_refused_correction_leaves_the_version_in_force()
    {
        var first = Record();
        AssertRefused("OVERDUE_EXCEEDS_BALANCE", "overdueFen", () => MicrocreditRecord.Record(County, 2019, Figures with { OverdueFen = Figures.OutstandingBalanceFen + 1 }, first, "更正", Now));
        Assert.True(first.IsCurrent);
    }

    [Fact]
    public void Only_the_version_in_force_of_the_same_county_and_year_is_corrected()
    {
        var first = Record();
        Assert.Throws<ArgumentException>(() => MicrocreditRecord.Record(County, 2018, Figures, first, "更正", Now));
        MicrocreditRecord.Record(County, 2019, Figures, first, "更正", Now);
        Assert.Throws<ArgumentException>(() => MicrocreditRecord.Record(County, 2019, Figures, first, "再更正", Now));
    }
}
