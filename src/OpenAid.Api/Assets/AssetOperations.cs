using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Assets;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Assets;

[Description("An income-bearing asset a project left to a village collective (资产收益).")]
public sealed record RegisterAssetInput
{
    [Description("The code of the project that built the asset; implementing, accepted or closed, and within the caller's region.")]
    public required string Project { get; init; }

    [Description("The 12-digit code of the village whose collective owns the asset, within the project's place; the project's village when absent.")]
    public string? Owner { get; init; }

    [Description("The asset's public name, e.g. \"村级光伏电站（100千瓦）\" (no personal data).")]
    public required string Name { get; init; }

    [Description("The kind of asset.")]
    public required AssetKind Kind { get; init; }

    [Description("What the asset is booked at, in fen.")]
    public required long ValueFen { get; init; }

    [Description("Poor households holding shares in the asset (a count, never names).")]
    public required int ShareHouseholds { get; init; }

    [Description("The day the asset went into use; not in the future, not before the project started.")]
    public required DateOnly InUseSince { get; init; }
}

[Description("An asset's income for one year and how it was distributed. Recorded once per asset and year.")]
public sealed record RecordAssetIncomeInput
{
    [Description("The asset's code.")]
    public required string Asset { get; init; }

    [Description("The year of the income; not in the future, not before the asset went into use.")]
    public required int Year { get; init; }

    [Description("The year's income in fen (0 for a year without income).")]
    public required long AmountFen { get; init; }

    [Description("The part paid to the village collective, in fen.")]
    public required long ToCollectiveFen { get; init; }

    [Description("The part paid to households, in fen.")]
    public required long ToHouseholdsFen { get; init; }

    [Description("How many households were paid (a count; 0 exactly when nothing was paid to households).")]
    public required int HouseholdsPaid { get; init; }

    [Description("The part paid for public-welfare jobs (公益岗位), in fen.")]
    public required long ToJobsFen { get; init; }

    [Description("How many public-welfare jobs were paid (a count; 0 exactly when nothing was paid for jobs).")]
    public required int JobsPaid { get; init; }
}

/// <summary>Assets of projects and their yearly income, recorded by the publishers of their places.</summary>
public sealed class AssetOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RegisterAssetInput, AssetType>(
            "registerAsset", Roles.Publisher, "Registers an asset a project left to a village collective, with the poor households' shares as a count (Publisher of the project's region).",
            "The asset.", "asset", "The asset registered.")
            .Handle(RegisterAsync);
        operations.Mutation<RecordAssetIncomeInput, AssetIncomeType>(
            "recordAssetIncome", Roles.Publisher, "Records an asset's income of a year and its distribution: to the collective, to households (count and total), to public-welfare jobs (count and total) (Publisher of the asset's village). Once per asset and year.",
            "The income.", "income", "The income recorded.")
            .Handle(RecordIncomeAsync);
    }

    private static async Task<Asset> RegisterAsync(WriteContext write, RegisterAssetInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var project = await write.InScopeAsync(db.Projects, input.Project, "project");
        // The owner lies within the project's place, which the grant covers; the domain checks that it does.
        var owner = await Lookups.RegionAsync(db, input.Owner ?? RegionCode.Of(project.RegionCode).ShortForm, "owner", ct);
        var asset = Asset.Register(
            await write.NextCodeAsync(Asset.CodeKind, owner.Code, write.Today.Year, db.Assets.Select(a => a.Code)),
            project, owner, input.Name, input.Kind, input.ValueFen, input.ShareHouseholds, input.InUseSince, write.Today);
        await Totals.RequireRoomAsync(db.Assets, a => a.ValueFen, asset.ValueFen, "valueFen", ct);
        db.Assets.Add(asset);
        return asset;
    }

    private static async Task<AssetIncome> RecordIncomeAsync(WriteContext write, RecordAssetIncomeInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var asset = await write.InScopeAsync(db.Assets, input.Asset, "asset");
        var recorded = await db.AssetIncomes.FindAsync([asset.Id, input.Year], ct);
        var income = AssetIncome.Record(
            asset, input.Year, input.AmountFen, input.ToCollectiveFen, input.ToHouseholdsFen, input.HouseholdsPaid, input.ToJobsFen, input.JobsPaid, recorded, write.Today);
        await Totals.RequireRoomAsync(db.AssetIncomes, i => i.AmountFen, income.AmountFen, "amountFen", ct);
        db.AssetIncomes.Add(income);
        return income;
    }
}
