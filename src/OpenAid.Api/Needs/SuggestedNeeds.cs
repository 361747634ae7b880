using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Needs;

[Description("Why a need was suggested to an organisation, strongest tie first.")]
public enum SuggestionReason
{
    [Description("The need is in a place paired with the organisation itself (e.g. 万企帮万村: the enterprise's village).")]
    PairedWithOrganization = 1,
    [Description("The need is in a place paired, under a program the organisation joined, with the region it is registered in (e.g. 粤桂扶贫协作: a Guangdong city's Guangxi partner).")]
    PairedByProgram = 2,
    [Description("The organisation pledged in the need's county before.")]
    PastRegion = 3,
    [Description("The organisation pledged to needs of this category before.")]
    PastCategory = 4,
    [Description("No tie to the organisation: among the most urgent open needs.")]
    Urgency = 5,
}

public sealed record NeedSuggestion(Need Need, int Rank, SuggestionReason ReasonCode, string Reason);

public sealed class NeedSuggestionType : ObjectGraphType<NeedSuggestion>
{
    public NeedSuggestionType()
    {
        Name = "NeedSuggestion";
        Description = "An open need suggested to an organisation, and why.";
        Field<NonNullGraphType<NeedType>>("need").Description("The need.").Resolve(ctx => ctx.Source.Need);
        Field(s => s.Rank).Description("The position in the suggestions, from 1.");
        Field(s => s.ReasonCode, type: typeof(NonNullGraphType<EnumerationGraphType<SuggestionReason>>)).Description("The kind of tie that ranked it here.");
        Field(s => s.Reason).Description("Why it was suggested, in words.");
    }
}

/// <summary>
/// suggestedNeeds: open needs ranked for one organisation by its ties to them. First the places paired with the
/// organisation, then the places its program pairs with its home region, then the counties and categories it pledged
/// to before, then everything else; within each tier by urgency and unmet share (the openNeeds order).
/// </summary>
public sealed class SuggestedNeedsQuery(TimeProvider clock) : IQueryFields
{
    public const int MaxSuggestions = 50;

    private const long CountySpan = 1_000_000;

    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedSuggestionType>>>>("suggestedNeeds")
            .Description("Open needs suggested to an organisation, best first, each with the reason: its pairings under programs first, then the places and categories it pledged to before, then urgency.")
            .Argument<NonNullGraphType<StringGraphType>>("organization", "The organisation's code (\"ORG-000123\") or credit code.")
            .Argument<IntGraphType>("first", $"How many suggestions: 1 to {MaxSuggestions}, 10 by default. A ranking, not a list to page through.")
            .ResolveAsync(async ctx => await SuggestAsync(ctx));

    private async Task<List<NeedSuggestion>> SuggestAsync(IResolveFieldContext ctx)
    {
        var first = ctx.GetArgument<int?>("first") ?? 10;
        if (first is < 1 or > MaxSuggestions)
        {
            throw ApiErrors.Error(ApiErrors.PageSizeCode, $"Argument 'first' must be between 1 and {MaxSuggestions}; it was {first}.");
        }

        var code = ctx.GetArgument<string>("organization").Trim();
        var db = ctx.Db();
        var ct = ctx.CancellationToken;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code || o.CreditCode == code, ct)
            ?? throw ApiErrors.InvalidArgument("organization", $"no organisation has the code '{code}'.");
        var today = clock.Today();

        // Only approved needs: suggestions are public whoever asks.
        var open = NeedQueries.Ranked(NeedQueries.Live(db, db.Needs.Where(n => NeedLifecycle.PublicStatuses.Contains(n.Status)), today)
            .Where(x => x.Pledged < x.Need.Requested && x.Need.Deadline >= today));
        async Task<List<RankedNeed>> TopAsync(Expression<Func<RankedNeed, bool>> filter) =>
            await open.Where(filter).OrderByDescending(r => r.Rank).Take(first).ToListAsync(ct);

        var suggestions = new List<NeedSuggestion>();
        var seen = new HashSet<int>();
        void Add(IEnumerable<RankedNeed> ranked, SuggestionReason reason, Func<RankedNeed, string> explain)
        {
            foreach (var r in ranked.Where(r => suggestions.Count < first && seen.Add(r.Need.Id)))
            {
                suggestions.Add(new NeedSuggestion(r.Need, suggestions.Count + 1, reason, explain(r)));
            }
        }

        var places = await OrganizationPairings.LoadAsync(db, organization, ct);
        foreach (var byOrganization in (bool[])[true, false])
        {
            var tier = places.Where(p => p.ByOrganization == byOrganization).ToList();
            if (tier.Count > 0)
            {
                var needs = await TopAsync(NeedQueries.InRegions<RankedNeed>(r => r.Need.RegionCode, tier.Select(p => p.Helped.Code)));
                Add(needs, byOrganization ? SuggestionReason.PairedWithOrganization : SuggestionReason.PairedByProgram, r => Explain(organization, tier.First(p => p.Contains(r.Need.RegionCode))));
            }
        }

        var past = await db.Pledges.AsNoTracking().Where(p => p.OrganizationId == organization.Id)
            .Select(p => new { p.RegionCode, Category = db.Needs.Where(n => n.Id == p.NeedId).Select(n => (NeedCategory?)n.Category).FirstOrDefault() })
            .Distinct()
            .ToListAsync(ct);
        var counties = past.Select(p => p.RegionCode / CountySpan * CountySpan).Where(c => RegionCode.LevelOf(c) is not null).Distinct().ToList();
        if (counties.Count > 0 && suggestions.Count < first)
        {
            var names = await db.Regions.AsNoTracking().Where(r => counties.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
            Add(await TopAsync(NeedQueries.InRegions<RankedNeed>(r => r.Need.RegionCode, counties)), SuggestionReason.PastRegion,
                r => $"{organization.Name} pledged in {names.GetValueOrDefault(r.Need.RegionCode / CountySpan * CountySpan, "this county")} before.");
        }

        var categories = past.Select(p => p.Category).OfType<NeedCategory>().Distinct().ToList();
        if (categories.Count > 0 && suggestions.Count < first)
        {
            Add(await TopAsync(r => categories.Contains(r.Need.Category)), SuggestionReason.PastCategory,
                r => $"{organization.Name} pledged to {CategoryName(r.Need.Category)} needs before.");
        }

        if (suggestions.Count < first)
        {
            Add(await TopAsync(_ => true), SuggestionReason.Urgency,
                r => $"{r.Need.Priority} priority, {NeedType.Percent(NeedQueries.UnmetBasisPoints(r), 10_000)}% unmet, deadline {r.Need.Deadline:yyyy-MM-dd}.");
        }

        return suggestions;
    }

    private static string Explain(Organization organization, PairedPlace place) =>
        place.ByOrganization
            ? $"{organization.Name} is paired with {place.Helped.Name} under {place.Program.Name} ({place.Pairing.Code})."
            : $"Under {place.Program.Name}, {place.Helper?.Name ?? "the region"} where {organization.Name} is registered is paired with {place.Helped.Name} ({place.Pairing.Code}).";

    /// <summary>"Education aid (教育助学)" from the category's description.</summary>
    private static string CategoryName(NeedCategory category) =>
        typeof(NeedCategory).GetField(category.ToString())?.GetCustomAttribute<DescriptionAttribute>()?.Description.TrimEnd('.') ?? category.ToString();
}
