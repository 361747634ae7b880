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
}
