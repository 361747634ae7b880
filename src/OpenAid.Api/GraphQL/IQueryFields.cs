using GraphQL.Types;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// A feature folder's root query fields. The root <see cref="QueryType"/> is composed of every
/// implementation, so a feature adds its queries without touching a shared file.
/// </summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
