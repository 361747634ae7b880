namespace OpenAid.Domain.Needs;

/// <summary>
/// A category's reasonableness cap, checked at review: a money need may ask at most <see cref="MaxFen"/>, a need
/// counted in any other unit at most <see cref="MaxQuantity"/> of it.
/// </summary>
public sealed record NeedCap(long MaxFen, long MaxQuantity)
{
    public long LimitFor(string unit) => unit == NeedLifecycle.MoneyUnit ? MaxFen : MaxQuantity;

    public bool IsExceededBy(Need need) => need.Requested > LimitFor(need.Unit);
}

/// <summary>
/// The caps per category. The defaults are set for one village's need: a 2019 national platform was ridiculed for
/// treadmills and branded jackets that lax reviewers let through, so daily necessities are capped lowest and
/// infrastructure highest. Deployments override them per category ("Needs:Caps:{Category}:MaxFen" / ":MaxQuantity").
/// </summary>
public sealed class NeedCaps
{
    public static readonly IReadOnlyDictionary<NeedCategory, NeedCap> Defaults = new Dictionary<NeedCategory, NeedCap>
    {
        [NeedCategory.Education] = new(Yuan(100_000), 500),
        [NeedCategory.Medical] = new(Yuan(300_000), 200),
        [NeedCategory.Housing] = new(Yuan(500_000), 50),
        [NeedCategory.Industry] = new(Yuan(3_000_000), 100_000),
        [NeedCategory.Jobs] = new(Yuan(500_000), 500),
        [NeedCategory.SkillsTraining] = new(Yuan(300_000), 500),
        [NeedCategory.DailyNecessities] = new(Yuan(50_000), 1_000),
        [NeedCategory.Infrastructure] = new(Yuan(5_000_000), 20_000),
        [NeedCategory.ProductPurchase] = new(Yuan(2_000_000), 500_000),
    };

    private readonly Dictionary<NeedCategory, NeedCap> _caps;

    /// <param name="overrides">Caps that replace the default of their category.</param>
    public NeedCaps(IReadOnlyDictionary<NeedCategory, NeedCap>? overrides = null)
    {
        _caps = new Dictionary<NeedCategory, NeedCap>(Defaults);
        foreach (var (category, cap) in overrides ?? new Dictionary<NeedCategory, NeedCap>())
        {
            if (cap.MaxFen <= 0 || cap.MaxQuantity <= 0)
            {
                throw new ArgumentException($"The cap of {category} must be positive; it was {cap}.", nameof(overrides));
            }

            _caps[category] = cap;
        }
    }

    public NeedCap For(NeedCategory category) => _caps[category];

    public IEnumerable<(NeedCategory Category, NeedCap Cap)> All => _caps.OrderBy(c => c.Key).Select(c => (c.Key, c.Value));

    private static long Yuan(long yuan) => yuan * 100;
}
