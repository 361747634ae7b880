using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Entitlements;

[Description("A policy's standard in a region for a year, the document that sets it, and how many received it (a count).")]
public sealed record RecordEntitlementInput
{
    [Description("The region whose standard it is (a province, city, county, township or village); must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year the standard applies to; not in the future.")]
    public required int Year { get; init; }

    [Description("The policy.")]
    public required EntitlementProgram Program { get; init; }

    [Description("The grade or class the standard is for, e.g. \"D级危房\"; required for housing renovation, optional otherwise.")]
    public string? Grade { get; init; }

    [Description("The standard amount in fen, per unit.")]
    public required long StandardFen { get; init; }

    [Description("What the standard is counted per.")]
    public required EntitlementUnit Unit { get; init; }

    [Description("The issuing document's title.")]
    public required string DocumentTitle { get; init; }

    [Description("The issuing document's number (文号), when it has one.")]
    public string? DocumentNumber { get; init; }

    [Description("How many received it in the year (students, dwellings or people; a count, never names).")]
    public required int Recipients { get; init; }

    [Description("The code of the published POLICY notice that made the policy public, of the region or a region above it.")]
    public string? Notice { get; init; }
}

/// <summary>Entitlement standards, recorded by the publishers of their regions.</summary>
public sealed class EntitlementOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations) =>
        operations.Mutation<RecordEntitlementInput, EntitlementType>(
            "recordEntitlement", Roles.Publisher, "Records a policy's standard (雨露计划, 危房改造 by grade, 低保 …) in a region for a year, its issuing document and the number of recipients (Publisher of the region). Once per region, year, program and grade.",
            "The standard.", "entitlement", "The standard recorded.")
            .Handle(RecordAsync);

    private static async Task<Entitlement> RecordAsync(WriteContext write, RecordEntitlementInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var notice = input.Notice is { } code ? await Lookups.ByCodeAsync(db.Notices, code.Trim(), "notice", ct) : null;
        var grade = input.Grade?.Trim() ?? "";
        var taken = await db.Entitlements.AnyAsync(e => e.RegionCode == region.Code && e.Year == input.Year && e.Program == input.Program && e.Grade == grade, ct);
        var entitlement = Entitlement.Record(
            await write.NextCodeAsync(Entitlement.CodeKind, region.Code, input.Year, db.Entitlements.Select(e => e.Code)),
            region, input.Year, input.Program, input.Grade, input.StandardFen, input.Unit, input.DocumentTitle, input.DocumentNumber, input.Recipients,
            notice, taken, write.Today);
        db.Entitlements.Add(entitlement);
        return entitlement;
    }
}
