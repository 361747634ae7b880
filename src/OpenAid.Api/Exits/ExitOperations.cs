using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Exits;

[Description("A proposed exit: the place, the year whose figures meet the criteria, who verifies it, and its notice period.")]
public sealed record ProposeExitInput
{
    [Description("The poor village or county that exits; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year whose figures are assessed, and the exit year once confirmed; not in the future. A county is assessed on its county-wide statistics.")]
    public required int Year { get; init; }

    [Description("The code of the unit that verifies the exit and answers for it (验收单位): the caller's own, or one within the caller's region.")]
    public required string VerifyingOrganization { get; init; }

    [Description("The role or title that signs for the verifying unit, e.g. \"县扶贫开发领导小组组长\" (public; a title, no personal data).")]
    public required string ResponsibleRole { get; init; }

    [Description("Days open for objections from today, 10 to 365. A village's EXIT notice runs them as its notice period; a county's notice stays public for good, and its exit waits as long.")]
    public required int NoticePeriodDays { get; init; }

    [Description(NoticeFields.LocalSupervisionPhone)]
    public required string LocalSupervisionPhone { get; init; }
}

[Description("A proposed exit to confirm today.")]
public sealed record ConfirmExitInput
{
    [Description("The exit's code (TC-…).")]
    public required string Exit { get; init; }
}

[Description("A proposed exit to withdraw, with a public reason.")]
public sealed record WithdrawExitInput
{
    [Description("The exit's code (TC-…).")]
    public required string Exit { get; init; }

    [Description("Why the exit is withdrawn (public; no personal data). Its EXIT notice is withdrawn with the same reason and stays public.")]
    public required string Reason { get; init; }
}

/// <summary>
/// Exits ("谁验收、谁签字、谁负责"): a Publisher of the place proposes one on figures that meet the criteria, which
/// publishes its EXIT notice; the level above – the county for a village, the province for a county – verifies it, so
/// only a Publisher whose grant is at that level (or higher) confirms or withdraws it.
/// </summary>
public sealed class ExitOperations(IConfiguration configuration) : IOperations
{
    private readonly WorkingDays _calendar = NoticeCalendar.From(configuration);

    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<ProposeExitInput, ExitType>(
            "proposeExit", Roles.Publisher, "Proposes the exit of a poor village (出列) or county (摘帽) within the caller's region (Publisher): refused unless the year's figures meet every threshold of the criteria in force, which are stored with it. Publishes its EXIT notice today, linked to it, which runs the notice period.",
            "The exit.", "exit", "The proposed exit, with its notice and stored assessment.")
            .Handle(ProposeAsync);
        operations.Mutation<ConfirmExitInput, ExitType>(
            "confirmExit", Roles.Publisher, "Confirms a proposed exit after its notice period, when no objection to its notice is open or was upheld (Publisher of the level that verifies it: the county or above for a village, the province for a county). Sets the region's status to EXITED and its exit year.",
            "The exit.", "exit", "The confirmed exit.")
            .Handle(ConfirmAsync);
        operations.Mutation<WithdrawExitInput, ExitType>(
            "withdrawExit", Roles.Publisher, "Withdraws a proposed exit with a public reason (Publisher of the level that verifies it, as confirmExit). Its EXIT notice is withdrawn too and, like the exit, stays public.",
            "The exit and the reason.", "exit", "The withdrawn exit, still public.")
            .Handle(WithdrawAsync);
    }

    private async Task<RegionExit> ProposeAsync(WriteContext write, ProposeExitInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var verifier = await write.NameableOrganizationAsync(input.VerifyingOrganization, "verifyingOrganization", region.Code);
        var underWay = await db.Exits.AsNoTracking().FirstOrDefaultAsync(e => e.RegionCode == region.Code && e.Status == ExitStatus.Proposed, ct);
        var (criterion, figures) = await ExitAssessments.InputsAsync(db, region, input.Year, ct);
        var exit = RegionExit.Propose(
            await write.NextCodeAsync(RegionExit.CodeKind, region.Code, write.Today.Year, db.Exits.Select(e => e.Code)), region, input.Year, criterion, figures, underWay,
            verifier.Id, input.ResponsibleRole, input.NoticePeriodDays, write.Today);

        var publisher = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(region.Code), ct);
        var code = await write.NextCodeAsync(Notice.CodeKind, region.Code, write.Today.Year, db.Notices.Select(n => n.Code));
        var notice = Notice.Draft(code, NoticeKind.Exit, region, publisher.Id, exit.NoticeText(region, verifier.Name, input.LocalSupervisionPhone), write.Today, [], []);
        notice.Publish(code, write.Today, _calendar);
        db.Notices.Add(notice);

        // The exit points at its notice, which has a key only once saved; both saves share the transaction.
        await db.SaveChangesAsync(ct);
        exit.PublishedAs(notice);
        db.Exits.Add(exit);
        return exit;
    }

    private static async Task<RegionExit> ConfirmAsync(WriteContext write, ConfirmExitInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var (exit, region) = await VerifiableAsync(write, input.Exit);
        var notice = await db.Notices.SingleAsync(n => n.Id == exit.NoticeId, ct);
        var objections = await db.Objections.AsNoTracking().Where(o => o.NoticeId == exit.NoticeId).OrderBy(o => o.Id).ToListAsync(ct);
        exit.Confirm(region, notice, objections, write.Today);
        return exit;
    }

    private static async Task<RegionExit> WithdrawAsync(WriteContext write, WithdrawExitInput input)
    {
        var (exit, _) = await VerifiableAsync(write, input.Exit);
        exit.Withdraw(input.Reason, await write.Db.Notices.SingleAsync(n => n.Id == exit.NoticeId, write.Cancellation), write.Today);
        return exit;
    }

    /// <summary>The exit and its region, once a Publisher grant of the verifying level covers it: the county (or above) for a village, the province for a county.</summary>
    private static async Task<(RegionExit Exit, Region Region)> VerifiableAsync(WriteContext write, string code)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var exit = await Lookups.ByCodeAsync(db.Exits, code, "exit", ct);
        var verifying = VerifyingLevel(exit.Level);
        if (!write.Actor.GrantsOf(write.Role).Any(g => g.Covers(exit.RegionCode) && (g.Region is not { } grant || grant.Level <= verifying)))
        {
            throw ApiErrors.Error(
                ApiErrors.ForbiddenCode,
                $"Exit {exit.Code} of region {RegionCode.Of(exit.RegionCode).ShortForm} is verified at {verifying.ToString().ToLowerInvariant()} level: it needs a {write.Role} grant of that level or above covering it; yours is for {write.Actor.RegionsOf(write.Role)}.",
                ("role", write.Role), ("grantRegion", write.Actor.RegionsOf(write.Role)), ("level", ErrorParameter.Format(verifying)));
        }

        return (exit, await db.Regions.SingleAsync(r => r.Code == exit.RegionCode, ct));
    }

    /// <summary>Who verifies, signs and answers for an exit: the county for a village (县级验收), the province for a county (省级验收).</summary>
    public static RegionLevel VerifyingLevel(RegionLevel level) => level == RegionLevel.Village ? RegionLevel.County : RegionLevel.Province;
}
