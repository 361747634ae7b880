using OpenAid.Domain.Needs;

namespace OpenAid.Domain.Tests.Marketplace;

public class NeedCapsTests
{
    private static readonly NeedCap Cap = new(MaxFen: 1_000_000, MaxQuantity: 100);

    [Theory]
    [InlineData(NeedCategory.Education, 10_000_000L, 500L)]
    [InlineData(NeedCategory.Medical, 30_000_000L, 200L)]
    [InlineData(NeedCategory.Housing, 50_000_000L, 50L)]
    [InlineData(NeedCategory.Industry, 300_000_000L, 100_000L)]
    [InlineData(NeedCategory.Jobs, 50_000_000L, 500L)]
    [InlineData(NeedCategory.SkillsTraining, 30_000_000L, 500L)]
    [InlineData(NeedCategory.DailyNecessities, 5_000_000L, 1_000L)] // 50,000 yuan: the lowest
    [InlineData(NeedCategory.Infrastructure, 500_000_000L, 20_000L)] // 5,000,000 yuan: the highest
    [InlineData(NeedCategory.ProductPurchase, 200_000_000L, 500_000L)]
    public void The_default_caps_are_set_for_one_village(NeedCategory category, long maxFen, long maxQuantity) =>
        Assert.Equal(new NeedCap(maxFen, maxQuantity), new NeedCaps().For(category));

    [Fact]
    public void All_lists_every_category_in_order() =>
        Assert.Equal(Enum.GetValues<NeedCategory>(), new NeedCaps().All.Select(c => c.Category));

    [Theory]
    [InlineData(NeedLifecycle.MoneyUnit, 1_000_000L)]
    [InlineData("套", 100L)]
    [InlineData("FEN", 100L)] // units are compared exactly
    public void Money_is_held_to_the_fen_cap_and_everything_else_to_the_quantity_cap(string unit, long limit) =>
        Assert.Equal(limit, Cap.LimitFor(unit));

    [Theory]
    [InlineData(1_000_000L, NeedLifecycle.MoneyUnit, false)] // exactly at the cap
    [InlineData(1_000_001L, NeedLifecycle.MoneyUnit, true)]
    [InlineData(100L, "套", false)]
    [InlineData(101L, "套", true)]
    [InlineData(101L, NeedLifecycle.MoneyUnit, false)]
    public void A_need_exceeds_its_cap_only_above_it(long requested, string unit, bool exceeded) =>
        Assert.Equal(exceeded, Cap.IsExceededBy(MarketplaceArrange.NewNeed(requested, unit)));

    [Fact]
    public void An_override_replaces_only_its_category()
    {
        var caps = new NeedCaps(new Dictionary<NeedCategory, NeedCap> { [NeedCategory.Jobs] = new(1, 1) });

        Assert.Equal(new NeedCap(1, 1), caps.For(NeedCategory.Jobs));
        Assert.Equal(NeedCaps.Defaults[NeedCategory.Housing], caps.For(NeedCategory.Housing));
        Assert.Equal(NeedCaps.Defaults[NeedCategory.Jobs], new NeedCaps().For(NeedCategory.Jobs));
    }

    [Theory]
    [InlineData(0L, 10L)]
    [InlineData(10L, 0L)]
    [InlineData(-1L, -1L)]
    public void An_override_must_be_positive_in_both_limits(long maxFen, long maxQuantity)
    {
        var error = Assert.Throws<ArgumentException>(() => new NeedCaps(new Dictionary<NeedCategory, NeedCap> { [NeedCategory.Jobs] = new(maxFen, maxQuantity) }));

        Assert.Equal("overrides", error.ParamName);
        Assert.StartsWith($"The cap of Jobs must be positive; it was NeedCap {{ MaxFen = {maxFen}, MaxQuantity = {maxQuantity} }}.", error.Message, StringComparison.Ordinal);
    }
}
