using System.ComponentModel;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

[Description("A village's reported figures for one year: counts and amounts only, never household data. Replaces the year's figures if there are any.")]
public sealed record RecordVillageStatisticsInput
{
    [Description("The village's 12-digit code; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year reported; not in the future.")]
    public required int Year { get; init; }

    [Description("Registered population of the village.")]
    public required int Population { get; init; }

    [Description("Registered poor people (a count, at most the population).")]
    public required int PoorPeople { get; init; }

    [Description("Registered poor households (a count, at most the poor people).")]
    public required int PoorHouseholds { get; init; }

    [Description("Village collective income (村集体经济收入) of the year in fen; 0 or more.")]
    public required long CollectiveIncomeFen { get; init; }

    [Description("Per-capita disposable income of the year in fen; 0 or more.")]
    public required long PerCapitaDisposableIncomeFen { get; init; }

    [Description("Optional. The helped (registered poor) households' per-capita income of the year in fen, which Guangdong judges exits on; 0 or more.")]
    public long? HelpedHouseholdsPerCapitaIncomeFen { get; init; }
}

/// <summary>Villages' yearly figures, recorded or corrected by the region's publishers.</summary>
public sealed class VillageStatisticsOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations) =>
        operations.Mutation<RecordVillageStatisticsInput, VillageStatisticsType>(
            "recordVillageStatistics", Roles.Publisher, "Records or corrects a village's figures for a year (Publisher of its region). Counts only: household data never enters OpenAid.",
            "The figures.", "statistics", "The figures recorded.")
            .Handle(RecordAsync);

    private static async Task<VillageStatistics> RecordAsync(WriteContext write, RecordVillageStatisticsInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var statistics = await db.VillageStatistics.FindAsync([region.Code, input.Year], ct);
        if (statistics is not null)
        {
            statistics.Correct(input.Population, input.PoorPeople, input.PoorHouseholds, input.CollectiveIncomeFen, input.PerCapitaDisposableIncomeFen, input.HelpedHouseholdsPerCapitaIncomeFen);
        }
        else
        {
            statistics = VillageStatistics.Record(
                region, input.Year, input.Population, input.PoorPeople, input.PoorHouseholds, input.CollectiveIncomeFen, input.PerCapitaDisposableIncomeFen, write.Today,
                input.HelpedHouseholdsPerCapitaIncomeFen);
            db.VillageStatistics.Add(statistics);
        }

        // Regions sum their villages' collective income; a correction is counted as if added, which errs on the safe side.
        await Totals.RequireRoomAsync(db.VillageStatistics, s => s.CollectiveIncomeFen, statistics.CollectiveIncomeFen, "collectiveIncomeFen", ct);
        return statistics;
    }
}
