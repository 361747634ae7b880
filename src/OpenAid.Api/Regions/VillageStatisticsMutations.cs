using GraphQL;
using GraphQL.Types;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Projects;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

public sealed record RecordVillageStatisticsInput(
    string Region, int Year, int Population, int PoorPeople, int PoorHouseholds, long CollectiveIncomeFen, long PerCapitaDisposableIncomeFen);

public sealed class RecordVillageStatisticsInputType : InputObjectGraphType<RecordVillageStatisticsInput>
{
    public RecordVillageStatisticsInputType()
    {
        Name = "RecordVillageStatisticsInput";
        Description = "A village's reported figures for one year: counts and amounts only, never household data. Replaces the year's figures if there are any.";
        Field(x => x.Region).Description("The village's 12-digit code; must be within the caller's region.");
        Field(x => x.Year).Description("The year reported; not in the future.");
        Field(x => x.Population).Description("Registered population of the village.");
        Field(x => x.PoorPeople).Description("Registered poor people (a count, at most the population).");
        Field(x => x.PoorHouseholds).Description("Registered poor households (a count, at most the poor people).");
        Field(x => x.CollectiveIncomeFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("Village collective income (村集体经济收入) of the year in fen; 0 or more.");
        Field(x => x.PerCapitaDisposableIncomeFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("Per-capita disposable income of the year in fen; 0 or more.");
    }
}

public sealed class RecordVillageStatisticsPayloadType() : PayloadType<VillageStatisticsType>("RecordVillageStatisticsPayload", "statistics", "The figures recorded.");

public sealed class VillageStatisticsMutations(TimeProvider clock) : IMutationFields
{
    /// <summary>Larger than the largest administrative village or community; more is a typing error.</summary>
    public const int MaxVillagePopulation = 200_000;

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RecordVillageStatisticsPayloadType>>("recordVillageStatistics")
            .Description("Records or corrects a village's figures for a year (Publisher of its region). Counts only: household data never enters OpenAid.")
            .Argument<NonNullGraphType<RecordVillageStatisticsInputType>>("input", "The figures.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => RecordAsync(db, actor, ctx.GetArgument<RecordVillageStatisticsInput>("input"), ct)));
    }

    private async Task<VillageStatistics> RecordAsync(OpenAidDbContext db, Actor actor, RecordVillageStatisticsInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var region = await WriteChecks.RegionAsync(db, input.Region, "region", ct);
        actor.RequireInRegion(Roles.Publisher, region.Code);
        if (region.Level != RegionLevel.Village)
        {
            throw new DomainException("NOT_A_VILLAGE", $"{region.Name} is a {region.Level.ToString().ToLowerInvariant()}; statistics are recorded per village and summed above.", "region");
        }

        var year = WriteChecks.Year(input.Year, "year");
        if (year > NoticeCalendar.Today(clock).Year)
        {
            throw new DomainException("INVALID_YEAR", $"'year' ({year}) is in the future; report a year once it has figures.", "year");
        }

        var population = WriteChecks.Count(input.Population, "population", MaxVillagePopulation);
        var poorPeople = WriteChecks.Count(input.PoorPeople, "poorPeople", population);
        var poorHouseholds = WriteChecks.Count(input.PoorHouseholds, "poorHouseholds", poorPeople);
        var statistics = await db.VillageStatistics.FindAsync([region.Code, year], ct);
        if (statistics is null)
        {
            statistics = new VillageStatistics { RegionCode = region.Code, Year = year };
            db.VillageStatistics.Add(statistics);
        }

        statistics.Population = population;
        statistics.PoorPeople = poorPeople;
        statistics.PoorHouseholds = poorHouseholds;
        statistics.CollectiveIncomeFen = NonNegativeAmount(input.CollectiveIncomeFen, "collectiveIncomeFen");
        statistics.PerCapitaDisposableIncomeFen = NonNegativeAmount(input.PerCapitaDisposableIncomeFen, "perCapitaDisposableIncomeFen");
        return statistics;
    }

    /// <summary>Income may be zero (a village without collective income, 空壳村), unlike a fund or a budget.</summary>
    private static long NonNegativeAmount(long fen, string field) =>
        fen == 0 ? 0 : WriteChecks.PositiveAmount(fen, field);
}
