using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

[Description("A village's infrastructure and public-service checklist for one year. Replaces the year's checklist if there is one.")]
public sealed record RecordVillageFacilitiesInput
{
    [Description("The village's 12-digit code; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year the checklist describes; not in the future.")]
    public required int Year { get; init; }

    [Description("The items present in the village that year; every other item is recorded as absent.")]
    public required IReadOnlyList<VillageFacility> Present { get; init; }
}

[Description("A village's or county's relapse and monitoring counts for one year. Replaces the year's counts if there are any.")]
public sealed record RecordMonitoringInput
{
    [Description("The village's (12 digits) or county's (6 digits) code; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year counted; not in the future.")]
    public required int Year { get; init; }

    [Description("People who exited poverty in the year (a count, at most the year's registered population when statistics give it).")]
    public required int PeopleExited { get; init; }

    [Description("People who fell back into poverty (返贫) in the year (a count, at most the population).")]
    public required int PeopleRelapsed { get; init; }

    [Description("Households under monitoring for relapse (监测户) in the year (a count, at most the population).")]
    public required int HouseholdsMonitored { get; init; }
}

/// <summary>Villages' checklists and villages' or counties' monitoring counts, recorded or corrected by the region's publishers.</summary>
public sealed class ChecklistOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RecordVillageFacilitiesInput, VillageFacilitiesType>(
            "recordVillageFacilities", Roles.Publisher, "Records or corrects a village's infrastructure and public-service checklist for a year (Publisher of its region).",
            "The checklist.", "facilities", "The checklist recorded.")
            .Handle(RecordFacilitiesAsync);
        operations.Mutation<RecordMonitoringInput, RegionMonitoringType>(
            "recordMonitoring", Roles.Publisher, "Records or corrects a village's or county's yearly counts of exits, relapses (返贫) and monitored households (Publisher of its region). Counts only.",
            "The counts.", "monitoring", "The counts recorded.")
            .Handle(RecordMonitoringAsync);
    }

    private static async Task<VillageFacilities> RecordFacilitiesAsync(WriteContext write, RecordVillageFacilitiesInput input)
    {
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var facilities = await write.Db.VillageFacilities.FindAsync([region.Code, input.Year], write.Cancellation);
        if (facilities is not null)
        {
            facilities.Correct(input.Present);
        }
        else
        {
            facilities = VillageFacilities.Record(region, input.Year, input.Present, write.Today);
            write.Db.VillageFacilities.Add(facilities);
        }

        return facilities;
    }

    private static async Task<RegionMonitoring> RecordMonitoringAsync(WriteContext write, RecordMonitoringInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var population = await PopulationAsync(db, region, input.Year, ct);
        var monitoring = await db.RegionMonitoring.FindAsync([region.Code, input.Year], ct);
        if (monitoring is not null)
        {
            monitoring.Correct(input.PeopleExited, input.PeopleRelapsed, input.HouseholdsMonitored, population);
        }
        else
        {
            monitoring = RegionMonitoring.Record(region, input.Year, input.PeopleExited, input.PeopleRelapsed, input.HouseholdsMonitored, population, write.Today);
            db.RegionMonitoring.Add(monitoring);
        }

        return monitoring;
    }

    /// <summary>The year's registered population of the place (the sum of its villages'), or null when no statistics give it.</summary>
    private static async Task<int?> PopulationAsync(OpenAid.Data.OpenAidDbContext db, Region region, int year, CancellationToken ct)
    {
        var subtree = region.RegionCode;
        return await db.VillageStatistics
            .Where(s => s.Year == year && s.RegionCode >= subtree.SubtreeStart && s.RegionCode < subtree.SubtreeEnd)
            .GroupBy(_ => 1)
            .Select(g => (int?)g.Sum(s => s.Population))
            .SingleOrDefaultAsync(ct);
    }
}
