namespace OpenAid.Api.GraphQL;

/// <summary>
/// The "GraphQL" section: what one request may cost (README "Errors and limits"). The defaults leave the web app's
/// largest operation (about 60 fields, 3 root fields) and a full graphql-js introspection (about 230 fields) far
/// inside every limit.
/// </summary>
public sealed class GraphQLLimits
{
    public const string SectionName = "GraphQL";

    /// <summary>Fields in an operation once its fragments are expanded, checked before validation (which expands them).</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Aliased fields in an operation: each alias is another run of the same resolver.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Fields at the root of an operation: each is a query of its own.</summary>
    public int MaxRootFields { get; set; } = 20;

    /// <summary>
    /// The price of an operation (QueryCost) beyond which it is refused with COMPLEXITY: a page of 50 notices with
    /// their funds and each fund's allocations passes, a page of 100 records with two levels of full pages below does not.
    /// </summary>
    public int MaxComplexity { get; set; } = 1_000_000;

    /// <summary>The time one request may take, from parsing to its serialised result; TIMEOUT (503) beyond it.</summary>
    public int RequestTimeoutMilliseconds { get; set; } = 5_000;

    public TimeSpan RequestTimeout => TimeSpan.FromMilliseconds(RequestTimeoutMilliseconds);
}
