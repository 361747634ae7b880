using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Funds;

/// <summary>What a money record may name: a fund only through its allocation, a provider region only where it follows.</summary>
public class MoneyReferenceTests
{
    private static readonly DateOnly Day = new(2020, 1, 2);
    private const long County = 451021000000;
    private const long Village = 451021101201;

    private static Fund Fund(long region = County) =>
        Domain.Funds.Fund.Create(
            "ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.EastWestCooperation, FundLevel.County, 2019, 100_000,
            region, 1, "产业发展。", new DateOnly(2019, 3, 1), documentNumberTaken: false).WithId(3);

    private static MoneyTransaction Record(
        TransactionKind kind, long amountFen, FundShare? share, long? provider = null, long[]? helpers = null, ProjectLedger? ledger = null) =>
        MoneyTransaction.ForProject(
            Sample.Project(7, "XM-451021-2019-0007", Village), ledger ?? new ProjectLedger("XM-451021-2019-0007"), "JY-1", kind, amountFen, Day,
            share, provider, helpers ?? [], "下达资金计划。");

    [Theory]
    [InlineData(0L, 0L, 1L, "FUND_NOT_ALLOCATED", "fund")] // the fund never reached the project
    [InlineData(500L, 0L, 500L, null, null)]
    [InlineData(500L, 0L, 501L, "EXCEEDS_ALLOCATION", "amountFen")]
    [InlineData(500L, 499L, 1L, null, null)]
    [InlineData(500L, 499L, 2L, "EXCEEDS_ALLOCATION", "amountFen")]
    public void Money_from_a_fund_stays_within_what_it_allocated_to_the_project(long allocated, long committed, long amount, string? code, string? field)
    {
        var share = new FundShare(Fund(), allocated, new Dictionary<TransactionKind, long> { [TransactionKind.Commitment] = committed });
        FundTests.AssertOutcome(code, field, () => Record(TransactionKind.Commitment, amount, share));
    }

    [Fact]
    public void Each_kind_is_held_to_the_allocation_on_its_own()
    {
        var share = new FundShare(Fund(), 500, new Dictionary<TransactionKind, long> { [TransactionKind.Commitment] = 500 });
        var ledger = new ProjectLedger("XM-451021-2019-0007", new Dictionary<TransactionKind, long> { [TransactionKind.Commitment] = 500 });

        Assert.Equal(3, Record(TransactionKind.Disbursement, 500, share, ledger: ledger).FundId);
    }

    [Theory]
    [InlineData(null, null)] // no provider named
    [InlineData(County, null)] // the fund's own region
    [InlineData(440300000000, null)] // the paired helper city
    [InlineData(440000000000, null)] // the province of the helper city
    [InlineData(440303000000, null)] // a district of the helper city
    [InlineData(440100000000, "PROVIDER_ELSEWHERE")] // another Guangdong city
    [InlineData(450000000000, "PROVIDER_ELSEWHERE")] // the province above the fund is not where a county fund came from
    [InlineData(430000000000, "PROVIDER_ELSEWHERE")]
    public void A_provider_region_follows_from_the_fund_or_a_pairing(long? provider, string? code) =>
        FundTests.AssertOutcome(code, code is null ? null : "providerRegion", () => Record(TransactionKind.Commitment, 1, new FundShare(Fund(), 1), provider, [440300000000]));

    [Fact]
    public void Without_a_fund_a_provider_region_follows_only_from_a_pairing()
    {
        FundTests.AssertOutcome("PROVIDER_ELSEWHERE", "providerRegion", () => Record(TransactionKind.IncomingFunds, 1, null, County));
        Assert.Equal(440300000000, Record(TransactionKind.IncomingFunds, 1, null, 440300000000, [440300000000]).ProviderRegionCode);
    }

    [Fact]
    public void The_amount_is_checked_before_the_fund()
    {
        var refused = Assert.Throws<DomainException>(() => Record(TransactionKind.Commitment, 0, new FundShare(Fund(), 0)));
        Assert.Equal("INVALID_AMOUNT", refused.Code);
    }

    [Fact]
    public void The_messages_name_the_fund_the_project_and_the_amounts()
    {
        Assert.Equal(
            "Fund ZJ-451021-2019-0001 has no allocation to project XM-451021-2019-0007; allocate it first.",
            Assert.Throws<DomainException>(() => Record(TransactionKind.Commitment, 1, new FundShare(Fund(), 0))).Message);
        Assert.Equal(
            "Fund ZJ-451021-2019-0001 allocated 5.00 yuan to project XM-451021-2019-0007, of which 4.00 yuan are already recorded as Commitment; 2.00 yuan were asked.",
            Assert.Throws<DomainException>(() => Record(
                TransactionKind.Commitment, 200, new FundShare(Fund(), 500, new Dictionary<TransactionKind, long> { [TransactionKind.Commitment] = 400 }))).Message);
    }

    [Fact]
    public void A_project_warns_only_when_its_allocations_pass_its_budget()
    {
        var project = Sample.Project(7, "XM-451021-2019-0007", Village); // budget 1,000,000 fen

        Assert.Null(project.OverBudget(1_000_000));
        var warning = project.OverBudget(1_000_001);
        Assert.Equal(("OVER_BUDGET", "amountFen"), (warning!.Code, warning.Field));
        Assert.Equal("The allocations to project XM-451021-2019-0007 now add up to 10000.01 yuan, 0.01 yuan over its budget of 10000.00 yuan.", warning.Message);
    }

    [Theory]
    [InlineData(0L, Fields.MaxTotalFen, null)]
    [InlineData(1L, Fields.MaxTotalFen, "TOTAL_TOO_LARGE")]
    [InlineData(Fields.MaxTotalFen, 1L, "TOTAL_TOO_LARGE")]
    [InlineData(Fields.MaxTotalFen - 1, 1L, null)]
    [InlineData(Fields.MaxTotalFen, long.MaxValue, "TOTAL_TOO_LARGE")] // no overflow in the check itself
    public void A_total_never_passes_the_largest_sum(long total, long adding, string? code) =>
        FundTests.AssertOutcome(code, code is null ? null : "amountFen", () => Fields.RoomInTotal(total, adding, "amountFen"));

    [Fact]
    public void The_largest_sum_leaves_room_in_a_64_bit_integer_for_a_second_one() =>
        Assert.True(Fields.MaxTotalFen <= long.MaxValue / 2 && Fields.MaxAmountFen < Fields.MaxTotalFen);

    [Fact]
    public void A_region_has_a_lineage_from_its_province()
    {
        Assert.Equal([450000000000, 451000000000, 451021000000, 451021101000, Village], RegionCode.Of(Village).Lineage());
        Assert.Equal([450000000000], RegionCode.Of(450000000000).Lineage());
        Assert.True(RegionCode.OnOneLine(440000000000, 440303000000) && RegionCode.OnOneLine(440303000000, 440000000000));
        Assert.False(RegionCode.OnOneLine(440100000000, 440303000000) || RegionCode.OnOneLine(0, 440000000000));
    }
}
