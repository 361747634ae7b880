namespace OpenAid.Domain.Funds;

/// <summary>
/// The money of one kind, source and fiscal year received within one region, kept so that the money summaries read a
/// handful of rows instead of summing every transaction. A transaction counts once at every level of its receiver's
/// code: <see cref="RegionCode"/> is the receiver's code cut to <see cref="Span"/> (the width of a region's subtree at
/// that level: 10¹² for the nation with code 0, 10¹⁰ for a province, … 1 for a village), so the rows of one span group
/// transactions exactly as "receiver / span * span" does. Derived data, written only by the data layer.
/// </summary>
public class MoneySummary
{
    /// <summary>The span of the nation-wide rows; their region code is 0.</summary>
    public const long NationSpan = 1_000_000_000_000;

    /// <summary>The spans of every level, nation first, as <see cref="Regions.RegionCode.SubtreeEnd"/> of a code 0 at that level gives them.</summary>
    public static readonly IReadOnlyList<long> Spans = [NationSpan, 10_000_000_000, 100_000_000, 1_000_000, 1_000, 1];

    public long Span { get; set; }

    public long RegionCode { get; set; }

    public int FiscalYear { get; set; }

    public FundSourceType SourceType { get; set; }

    public TransactionKind Kind { get; set; }

    public int Count { get; set; }

    public long AmountFen { get; set; }
}
