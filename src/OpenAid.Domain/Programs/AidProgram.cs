using System.ComponentModel;
using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Programs;

/// <summary>A campaign organisations join, such as 万企帮万村 or 粤桂扶贫协作.</summary>
public class AidProgram
{
    public const int CodeMaxLength = 16;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    /// <summary>The earliest start year of a program: 定点扶贫 began in 1986, before the years of OpenAid's records.</summary>
    public const int MinStartYear = 1980;

    private AidProgram()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable public code, e.g. "WQBWC".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ProgramKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    public int StartYear { get; private set; }

    /// <summary>The last year of the program; null while it runs without a set end.</summary>
    public int? EndYear { get; private set; }

    /// <summary>The region that leads the program, where it applies; null for a national program.</summary>
    public long? RegionCode { get; private set; }

    /// <summary>
    /// A new program. <paramref name="code"/> is its public code, capital letters and digits starting with a letter
    /// (e.g. "YGXZ"); <paramref name="codeTaken"/> whether another program has it.
    /// </summary>
    public static AidProgram Create(
        string code, bool codeTaken, string name, ProgramKind kind, string description, int startYear, int? endYear, Region? leadRegion)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        if (trimmed.Length is < 2 or > CodeMaxLength || !char.IsAsciiLetterUpper(trimmed[0]) || !trimmed.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new DomainException(Errors.InvalidProgramCode, $"'code' must be 2 to {CodeMaxLength} capital letters A–Z and digits, starting with a letter (e.g. \"YGXZ\"); it was \"{trimmed}\".", "code");
        }

        if (codeTaken)
        {
            throw new DomainException(Errors.DuplicateCode, $"Another program has the code {trimmed}.", "code");
        }

        var (start, end) = Period(startYear, endYear, MinStartYear);
        return new AidProgram
        {
            Code = trimmed,
            Name = Fields.PublicText(name, "name", NameMaxLength),
            Kind = kind,
            Description = Fields.PublicText(description, "description", DescriptionMaxLength),
            StartYear = start,
            EndYear = end,
            RegionCode = leadRegion?.Code,
        };
    }

    /// <summary>Whether the program still runs in <paramref name="year"/>: it has not passed its last year.</summary>
    public bool RunsIn(int year) => EndYear is not { } end || year <= end;

    /// <summary>Fails with PROGRAM_ENDED unless the program still runs in <paramref name="today"/>'s year.</summary>
    public void RequireRunning(DateOnly today)
    {
        if (!RunsIn(today.Year))
        {
            throw new DomainException(Errors.ProgramEnded, $"{Name} ended in {EndYear}; it takes no new members or pairings.", "program");
        }
    }

    /// <summary>A first year from <paramref name="minStartYear"/> and an optional last year, to 2100, the last not before the first.</summary>
    internal static (int Start, int? End) Period(int startYear, int? endYear, int minStartYear = Fields.MinYear)
    {
        var start = startYear >= minStartYear && startYear <= Fields.MaxYear ? startYear
            : throw new DomainException(Errors.InvalidYear, $"'startYear' must be a year from {minStartYear} to {Fields.MaxYear}; it was {startYear}.", "startYear");
        if (endYear is { } last && Fields.Year(last, "endYear") < start)
        {
            throw new DomainException(Errors.YearsOutOfOrder, $"'endYear' ({last}) is before 'startYear' ({start}).", "endYear");
        }

        return (start, endYear);
    }
}

[Description("What kind of program: an enterprise campaign, east–west cooperation, county pairing or designated assistance.")]
public enum ProgramKind
{
    [Description("A campaign of enterprises and social organisations helping villages (万企帮万村, 千企扶千村, 百企带百村).")]
    EnterpriseCampaign = 1,
    [Description("East–west cooperation between provinces and their cities (粤桂扶贫协作).")]
    EastWestCooperation = 2,
    [Description("County-to-county pairing (携手奔小康).")]
    CountyPairing = 3,
    [Description("A central or provincial unit assigned to a county or village (定点扶贫).")]
    DesignatedAssistance = 4,
}

/// <summary>
/// An organisation's membership of a program, from the year it joined. Leaving ends it with a public reason; the
/// record stays, and an approved application later makes it current again (the audit trail keeps each step).
/// </summary>
public class ProgramMembership
{
    public const int LeaveReasonMaxLength = 1000;

    private ProgramMembership()
    {
    }

    public int ProgramId { get; private set; }

    public int OrganizationId { get; private set; }

    public int JoinedYear { get; private set; }

    /// <summary>The day the organisation left the program; null while it is a member.</summary>
    public DateOnly? LeftOn { get; private set; }

    public string? LeaveReason { get; private set; }

    public bool IsCurrent => LeftOn is null;

    /// <summary>A membership from <paramref name="joinedYear"/>: made by an approved application, or by the demo data's seeding.</summary>
    public static ProgramMembership Of(int programId, int organizationId, int joinedYear) =>
        new() { ProgramId = programId, OrganizationId = organizationId, JoinedYear = Fields.Year(joinedYear, "joinedYear") };

    /// <summary>Ends a current membership with a public reason: from today the organisation no longer pledges in the program.</summary>
    public void Leave(string reason, DateOnly today)
    {
        if (!IsCurrent)
        {
            throw new DomainException(Errors.NotAMember, $"The organisation left the program on {LeftOn:yyyy-MM-dd}.", "program");
        }

        LeaveReason = Fields.PublicText(reason, "reason", LeaveReasonMaxLength);
        LeftOn = today;
    }

    /// <summary>Makes a membership that ended current again, from <paramref name="year"/>.</summary>
    internal void Rejoin(int year)
    {
        (JoinedYear, LeftOn, LeaveReason) = (year, null, null);
    }
}
