using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

/// <summary>Gives an entity the key the database would give it on insert: keys have no public setter.</summary>
internal static class Stored
{
    public static T WithId<T>(this T entity, int id)
        where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}

/// <summary>Records other aggregates' rules refer to, made through their factories.</summary>
internal static class Sample
{
    public static readonly DateOnly Today = new(2020, 6, 1);

    /// <summary>A private enterprise of 凌云县 with a valid credit code, stored under <paramref name="id"/>.</summary>
    public static Organization Enterprise(int id, string code, string name) =>
        Organization.Register(code, OrganizationKind.PrivateEnterprise, name, CreditCodeFor(id), creditCodeTaken: false, "种养殖企业。", OrganizationLocation.In(Place(451027000000, "凌云县", RegionLevel.County))).WithId(id);

    /// <summary>A valid credit code made from <paramref name="serial"/>.</summary>
    public static string CreditCodeFor(int serial)
    {
        var first17 = $"91451027{serial:D9}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static Region Place(long code, string name, RegionLevel level) => new() { Code = code, Name = name, Level = level };

    /// <summary>A running program, stored under <paramref name="id"/>.</summary>
    public static AidProgram Program(int id, string code, string name) =>
        AidProgram.Create(code, codeTaken: false, name, ProgramKind.EnterpriseCampaign, "民营企业结对帮扶贫困村。", 2015, null, null).WithId(id);

    /// <summary>A pairing of an enterprise with <paramref name="helped"/>, stored under <paramref name="id"/>.</summary>
    public static Pairing Pairing(int id, string code, long helped) =>
        Domain.Programs.Pairing.Create(
            code, Program(1, "WQBWC", "万企帮万村"), Enterprise(7, "ORG-000007", "某企业"), null, Place(helped, "某地", RegionCode.LevelOf(helped) ?? RegionLevel.Village),
            2018, 2020, "产业帮扶。", 0, Today).WithId(id);

    /// <summary>A project in the library, stored under <paramref name="id"/>.</summary>
    public static Project Project(int id, string code, long regionCode) =>
        Domain.Projects.Project.Create(
            code, "道路硬化", regionCode, ProjectCategory.Infrastructure, "村道硬化。", 1, "村委会主任", 2019,
            new DateOnly(2019, 3, 1), new DateOnly(2019, 9, 30), 1_000_000, [], beneficiaryHouseholds: 0, beneficiaryPeople: 0).WithId(id);
}
