using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

/// <summary>The region-subtree filter every list offers: a county's records include its townships' and villages'.</summary>
public static class RegionArguments
{
    public const string Region = "region";

    /// <summary>The most units directly below one region: 84 villages of a township in the shipped data, rounded up.</summary>
    public const int MostSubdivisions = 100;

    public static FieldBuilder<TSource, TReturn> RegionArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<StringGraphType>(Region, "Only records in this region or below it: a statistical code of 2, 4, 6, 9 or 12 digits, e.g. \"45\" (Guangxi) or \"451021\".");

    /// <summary>The region argument, checked to be a well-formed code of a region OpenAid holds.</summary>
    public static async Task<RegionCode?> RegionArgumentAsync(this IResolveFieldContext context, string argument = Region)
    {
        if (context.GetArgument<string?>(argument) is not { } text)
        {
            return null;
        }

        if (!RegionCode.TryParse(text, out var code))
        {
            throw ApiErrors.InvalidRegionCode(text, argument);
        }

        return await context.Db().Regions.AnyAsync(r => r.Code == code.Value, context.CancellationToken)
            ? code
            : throw ApiErrors.RegionNotFound(text, argument);
    }

    /// <summary>
    /// The region argument of a field that compares the subdivisions of a region, and the code span of one subdivision:
    /// <c>code / span * span</c> is the subdivision a record's code falls in. Without a region the provinces are compared.
    /// </summary>
    public static async Task<(RegionCode? Region, long SubdivisionSpan)> SubdivisionsArgumentAsync(this IResolveFieldContext context)
    {
        var region = await context.RegionArgumentAsync();
        if (region?.Level == RegionLevel.Village)
        {
            throw ApiErrors.InvalidArgument(Region, "a village has no subdivisions.");
        }

        var subdivision = region is { } r ? r.Level + 1 : RegionLevel.Province;
        return (region, new RegionCode(0, subdivision).SubtreeEnd);
    }

    /// <summary>The region argument of a list with an entry per subdivision (times <paramref name="perSubdivision"/>), priced by their most.</summary>
    public static FieldBuilder<TSource, TReturn> SubdivisionsArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int perSubdivision = 1) =>
        field.Argument<StringGraphType>(Region, "The region whose subdivisions to compare (2, 4, 6 or 9 digits); none for the provinces.")
            .ListSize(MostSubdivisions * perSubdivision);
}
