using System.ComponentModel;
using GraphQL.Types;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

[Description("A county's county-wide figures for one year, as its statistics bureau reports them: counts and amounts only. Replaces the year's figures if there are any.")]
public sealed record RecordCountyStatisticsInput
{
    [Description("The county's code (6 or 12 digits); must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year reported; not in the future.")]
    public required int Year { get; init; }

    [Description("Registered population of the county.")]
    public required int Population { get; init; }

    [Description("Registered poor people county-wide (a count, at most the population).")]
    public required int PoorPeople { get; init; }

    [Description("Registered poor households county-wide (a count, at most the poor people).")]
    public required int PoorHouseholds { get; init; }

    [Description("County-wide rural per-capita disposable income (农村居民人均可支配收入) of the year in fen; 0 or more.")]
    public required long RuralPerCapitaDisposableIncomeFen { get; init; }
}

[Description("A province's rural per-capita disposable income of a year (全省农村居民人均可支配收入), which Guangdong measures its villages' exits against. Replaces the year's figure if there is one.")]
public sealed record RecordProvincialRuralIncomeInput
{
    [Description("The province's code (2 or 12 digits).")]
    public required string Province { get; init; }

    [Description("The year reported; not in the future.")]
    public required int Year { get; init; }

    [Description("The province's rural per-capita disposable income of the year in fen; more than 0.")]
    public required long PerCapitaIncomeFen { get; init; }
}

/// <summary>
/// County-wide statistics, recorded by the county's publishers. The provincial rural average is recorded by an Admin,
/// for any province: it is the provincial statistics bureau's published figure, reference data like the criteria, and
/// the publishers whose villages are measured against it should not be the ones who set it.
/// </summary>
public sealed class CountyStatisticsOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RecordCountyStatisticsInput, CountyStatisticsType>(
            "recordCountyStatistics", Roles.Publisher, "Records or corrects a county's county-wide figures for a year (Publisher of the county). A county exit (摘帽) is assessed on these, not on the sum of its poor villages. Counts only.",
            "The figures.", "statistics", "The figures recorded.")
            .Handle(RecordCountyAsync);
        operations.Mutation<RecordProvincialRuralIncomeInput, ProvincialRuralIncomeType>(
            "recordProvincialRuralIncome", Roles.Admin, "Records or corrects a province's rural per-capita disposable income of a year, as its statistics bureau published it (Admin, any province: reference data that Guangdong's village exits are measured against, so not set by the publishers measured).",
            "The figure.", "income", "The figure recorded.")
            .Handle(RecordProvincialAsync);
    }

    private static async Task<CountyStatistics> RecordCountyAsync(WriteContext write, RecordCountyStatisticsInput input)
    {
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var statistics = await write.Db.CountyStatistics.FindAsync([region.Code, input.Year], write.Cancellation);
        if (statistics is not null)
        {
            statistics.Correct(input.Population, input.PoorPeople, input.PoorHouseholds, input.RuralPerCapitaDisposableIncomeFen);
            return statistics;
        }

        statistics = CountyStatistics.Record(region, input.Year, input.Population, input.PoorPeople, input.PoorHouseholds, input.RuralPerCapitaDisposableIncomeFen, write.Today);
        write.Db.CountyStatistics.Add(statistics);
        return statistics;
    }

    private static async Task<ProvincialRuralIncome> RecordProvincialAsync(WriteContext write, RecordProvincialRuralIncomeInput input)
    {
        var province = await Lookups.RegionAsync(write.Db, input.Province, "province", write.Cancellation);
        var income = await write.Db.ProvincialRuralIncomes.FindAsync([province.Code, input.Year], write.Cancellation);
        if (income is not null)
        {
            income.Correct(input.PerCapitaIncomeFen);
            return income;
        }

        income = ProvincialRuralIncome.Record(province, input.Year, input.PerCapitaIncomeFen, write.Today);
        write.Db.ProvincialRuralIncomes.Add(income);
        return income;
    }
}

public sealed class CountyStatisticsType : ObjectGraphType<CountyStatistics>
{
    public CountyStatisticsType()
    {
        Name = "CountyStatistics";
        Description = "A county's county-wide figures for one year. Counts and amounts only: household data is never published.";
        Field(s => s.Year).Description("The year reported.");
        Field(s => s.Population).Description("Registered population of the county.");
        Field(s => s.PoorPeople).Description("Registered poor people county-wide (count).");
        Field(s => s.PoorHouseholds).Description("Registered poor households county-wide (count).");
        Field<NonNullGraphType<StringGraphType>>("povertyIncidencePercent").Description("County-wide poverty incidence, in percent with two decimals.")
            .Resolve(ctx => ExitCriterionType.Percent(ctx.Source.PovertyIncidenceBasisPoints));
        this.MoneyField("ruralPerCapitaDisposableIncome", "County-wide rural per-capita disposable income of the year.", s => s.RuralPerCapitaDisposableIncomeFen);
        Field(s => s.IsDemo).Description("True for generated demonstration figures, which are not real.");
    }
}

public sealed class ProvincialRuralIncomeType : ObjectGraphType<ProvincialRuralIncome>
{
    public ProvincialRuralIncomeType()
    {
        Name = "ProvincialRuralIncome";
        Description = "A province's rural per-capita disposable income of a year.";
        Field(s => s.Year).Description("The year reported.");
        this.MoneyField("perCapitaIncome", "The province's rural per-capita disposable income of the year.", s => s.PerCapitaIncomeFen);
        Field(s => s.IsDemo).Description("True for generated demonstration figures, which are not real.");
    }
}
