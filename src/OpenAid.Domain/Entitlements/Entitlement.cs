using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Entitlements;

/// <summary>
/// A policy's standard in a region for a year (e.g. 雨露计划 ¥3,000 per student, 危房改造 ¥20,000 per D-grade dwelling,
/// the 低保 standard per person per month), the document that sets it, and how many received it — a count, never a
/// list. It may point at the POLICY notice that made it public. Recorded once per region, year, program and grade:
/// published standards are not edited in place.
/// </summary>
public class Entitlement : IPlaced
{
    public const int CodeMaxLength = 32;
    public const int GradeMaxLength = 50;
    public const int DocumentTitleMaxLength = 300;
    public const int DocumentNumberMaxLength = 100;

    /// <summary>The register prefix of entitlement codes ("DY-451021-2026-0001", 待遇).</summary>
    public const string CodeKind = "DY";

    /// <summary>More recipients than the most populous province holds is a typing error.</summary>
    public const int MaxRecipients = 200_000_000;

    private Entitlement()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    public EntitlementProgram Program { get; private set; }

    /// <summary>The grade or class the standard applies to (e.g. "D级危房"); empty when the program has one standard.</summary>
    public string Grade { get; private set; } = "";

    public long StandardFen { get; private set; }

    public EntitlementUnit Unit { get; private set; }

    /// <summary>The issuing document's title, e.g. 《…关于打赢脱贫攻坚战三年行动的实施意见》.</summary>
    public string DocumentTitle { get; private set; } = "";

    /// <summary>The document number (文号), when it has one.</summary>
    public string? DocumentNumber { get; private set; }

    public int Recipients { get; private set; }

    public int? NoticeId { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>
    /// The standard of <paramref name="program"/> in <paramref name="region"/> for <paramref name="year"/> (begun by
    /// <paramref name="today"/>). Housing renovation is graded, so it needs a grade. <paramref name="notice"/>, when
    /// given, is a published POLICY notice of the region or a region above it. <paramref name="taken"/> is true when
    /// the region already has the standard for the year, program and grade.
    /// </summary>
    public static Entitlement Record(
        string code, Region region, int year, EntitlementProgram program, string? grade, long standardFen, EntitlementUnit unit,
        string documentTitle, string? documentNumber, int recipients, Notice? notice, bool taken, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        var reported = RegionYears.Reported(year, today);
        var graded = program == EntitlementProgram.HousingRenovation
            ? Fields.PublicText(grade, "grade", GradeMaxLength)
            : Fields.OptionalPublicText(grade, "grade", GradeMaxLength) ?? "";
        if (notice is not null && (notice.Kind != NoticeKind.Policy || notice.Status != NoticeStatus.Published || !Regions.RegionCode.Of(notice.RegionCode).Contains(region.Code)))
        {
            throw new DomainException(Errors.NotAPolicyNotice, $"Notice {notice.Code} is not a published POLICY notice of {region.Name} or a region above it.", "notice", ("notice", notice.Code), ("regionName", region.Name));
        }

        if (taken)
        {
            throw new DomainException(Errors.EntitlementRecorded, $"{region.Name} has the {program} standard{(graded.Length == 0 ? "" : $" for '{graded}'")} of {reported} recorded already; published standards are not edited.", "program", ("regionName", region.Name), ("year", reported), ("program", program), ("grade", graded));
        }

        return new Entitlement
        {
            Code = code,
            RegionCode = region.Code,
            Year = reported,
            Program = program,
            Grade = graded,
            StandardFen = Fields.PositiveAmount(standardFen, "standardFen"),
            Unit = unit,
            DocumentTitle = Fields.PublicText(documentTitle, "documentTitle", DocumentTitleMaxLength),
            DocumentNumber = Fields.OptionalPublicText(documentNumber, "documentNumber", DocumentNumberMaxLength),
            Recipients = Fields.Count(recipients, "recipients", MaxRecipients),
            NoticeId = notice?.Id,
        };
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
