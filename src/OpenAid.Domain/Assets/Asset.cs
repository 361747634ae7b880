using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Assets;

/// <summary>
/// An income-bearing asset a project left (a photovoltaic station, a workshop, greenhouses, shares in an enterprise),
/// owned by a village collective with shares quantified for poor households (折股量化到户), counted, never listed.
/// Registered once and never edited; its income is recorded year by year (<see cref="AssetIncome"/>).
/// </summary>
public class Asset : IPlaced
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    /// <summary>The register prefix of asset codes ("ZS-451021-2026-0001", 资产; "ZC" numbers work teams).</summary>
    public const string CodeKind = "ZS";

    /// <summary>More share-holding households than the most populous village holds people is a typing error.</summary>
    public const int MaxHouseholds = VillageStatistics.MaxVillagePopulation;

    private Asset()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable public code, e.g. "ZS-451021-2026-0001".</summary>
    public string Code { get; private set; } = "";

    public int ProjectId { get; private set; }

    /// <summary>The owner: the village whose collective (村集体) holds the asset.</summary>
    public long RegionCode { get; private set; }

    public string Name { get; private set; } = "";

    public AssetKind Kind { get; private set; }

    /// <summary>What the asset is booked at (its value when handed over), in fen.</summary>
    public long ValueFen { get; private set; }

    /// <summary>Poor households that hold shares in the asset (a count).</summary>
    public int ShareHouseholds { get; private set; }

    /// <summary>The day the asset went into use; income is recorded for this year and later ones.</summary>
    public DateOnly InUseSince { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>
    /// An asset of <paramref name="project"/>, owned by the collective of <paramref name="owner"/>, a village within the
    /// project's place. The project must have built something: it is implementing (a station connected before the whole
    /// project is accepted), accepted or closed — not in the library, approved or cancelled. In use since a day not in
    /// the future and not before the project started.
    /// </summary>
    public static Asset Register(
        string code, Project project, Region owner, string name, AssetKind kind, long valueFen, int shareHouseholds, DateOnly inUseSince, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(owner);
        if (project.Status is not (ProjectStatus.Implementing or ProjectStatus.Accepted or ProjectStatus.Closed))
        {
            throw new DomainException(Errors.InvalidState, $"Project {project.Code} is {project.Status}; assets are registered for a project that is implementing, accepted or closed.", "project", ("record", "Project"), ("code", project.Code), ("status", project.Status));
        }

        if (owner.Level != RegionLevel.Village || !Regions.RegionCode.Of(project.RegionCode).Contains(owner.Code))
        {
            throw new DomainException(Errors.OwnerElsewhere, $"{owner.Name} is not a village within the place of project {project.Code}; an asset is owned by the collective of a village the project built for.", "owner", ("project", project.Code), ("regionName", owner.Name));
        }

        if (inUseSince > today)
        {
            throw new DomainException(Errors.InvalidDate, $"'inUseSince' ({inUseSince:yyyy-MM-dd}) is in the future; register an asset once it is in use.", "inUseSince", ("date", inUseSince), ("today", today));
        }

        if (project.ActualStart is { } started && inUseSince < started)
        {
            throw new DomainException(Errors.DatesOutOfOrder, $"'inUseSince' ({inUseSince:yyyy-MM-dd}) is before project {project.Code} started ({started:yyyy-MM-dd}).", "inUseSince", ("end", inUseSince), ("start", started));
        }

        return new Asset
        {
            Code = code,
            ProjectId = project.Id,
            RegionCode = owner.Code,
            Name = Fields.PublicText(name, "name", NameMaxLength),
            Kind = kind,
            ValueFen = Fields.PositiveAmount(valueFen, "valueFen"),
            ShareHouseholds = Fields.Count(shareHouseholds, "shareHouseholds", MaxHouseholds),
            InUseSince = inUseSince,
        };
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
