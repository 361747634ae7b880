using OpenAid.Domain.Projects;

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
    /// <summary>A project in the library, stored under <paramref name="id"/>.</summary>
    public static Project Project(int id, string code, long regionCode) =>
        Domain.Projects.Project.Create(
            code, "道路硬化", regionCode, ProjectCategory.Infrastructure, "村道硬化。", 1, "村委会主任", 2019,
            new DateOnly(2019, 3, 1), new DateOnly(2019, 9, 30), 1_000_000, [], beneficiaryHouseholds: 0, beneficiaryPeople: 0).WithId(id);
}
