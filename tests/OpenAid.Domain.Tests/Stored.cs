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
