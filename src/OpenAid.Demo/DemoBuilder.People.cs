using OpenAid.Data.Audit;
using OpenAid.Domain.Access;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// The people of development sign-in: one of each kind of user, with grants in a county the demo data fills. Their
/// subjects ("dev-…") are never an Entra ID pseudonym ("p-…"), so on a deployment signed in by Entra ID nobody can
/// act as them.
/// </summary>
internal sealed partial class DemoBuilder
{
    private const string PeopleReason = "演示数据：开发环境登录用户。";

    private readonly List<Grant> _grants = [];

    /// <summary>The people's county: in Guangxi, with a 粤桂 enterprise pairing and a township government, so every role has work there.</summary>
    private VillagePairing? DeskPairing() => _villagePairings.Where(p => p.Plan.ProvinceNumber == 45 && p.Plan.TownshipGovernment is not null)
        .OrderBy(p => p.Plan.County.Code).FirstOrDefault();

    private async Task BuildPeopleAsync()
    {
        var pairing = DeskPairing();
        if (pairing is null)
        {
            return;
        }

        var plan = pairing.Plan;
        var township = plan.GovernedTownship!;
        var village = plan.Villages.Where(v => v.ParentCode == township.Code).OrderByDescending(plan.PoorVillages.Contains).ThenBy(v => v.Code).First();
        var ngo = _social.OrderBy(o => o.Code, StringComparer.Ordinal).First();
        Grant("dev-county-publisher", "黄志强", Role.Publisher, plan.County, plan.PovertyOffice);
        Grant("dev-township-publisher", "韦丽萍", Role.Publisher, township, plan.TownshipGovernment);
        Grant("dev-village-publisher", "农海军", Role.Publisher, village, plan.TownshipGovernment);
        Grant("dev-reviewer", "李明", Role.Reviewer, plan.County, plan.PovertyOffice);
        Grant("dev-donor-enterprise", "陈建华", Role.Donor, null, pairing.Enterprise);
        Grant("dev-donor-ngo", "刘芳", Role.Donor, null, ngo);
        Grant("dev-auditor", "王静", Role.Auditor, null, null);
        Grant("dev-admin", "赵刚", Role.Admin, null, null);
        await writer.InsertAsync(_grants, ct);
        Report($"{_grants.Count} grants of development users");
    }

    private void Grant(string subject, string name, Role role, Region? region, Organization? organization) =>
        _grants.Add(Domain.Access.Grant.Make(
            subject, name, role, region, organization, PeopleReason, AuditActor.SystemDemo.Subject,
            new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), Clock.RecordsOffset), alreadyHeld: false));
}
