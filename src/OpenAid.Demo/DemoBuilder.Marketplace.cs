using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// The needs marketplace: village needs in every state (drafts, the review queue, rejections, over-cap approvals with
/// their public override reasons, open, partly and fully pledged, fulfilled, closed, expired) and pledges in every
/// state (pending, confirmed, delivered in parts, received, completed, cancelled, lapsed), made by organisations that
/// differ in how reliably and how punctually they deliver, so that the scorecards differ.
/// <para>
/// Every step is replayed through the domain rules (<see cref="Need"/>'s and <see cref="Pledge"/>'s own methods) on
/// its own date, so the data obeys what the API enforces: no need pledged beyond what it asks, no delivery beyond its
/// pledge. The enterprise pledges of the transactions stage become pledges too. Money follows the API's convention
/// (see the API's PledgeMoney): a pledge transaction per money pledge, a social-donation disbursement to the village
/// per delivery it confirmed. The stage draws from its own random sequence, so the earlier stages are unchanged.
/// </para>
/// </summary>
internal sealed partial class DemoBuilder
{
    private static readonly string[] ReviewerNames = ["李卫东", "王晓燕", "张志强", "陈丽华", "刘海峰", "黄建平", "周敏", "吴国庆", "赵秀英", "孙立军", "杨春梅", "何文斌"];

    private static readonly string[] NeedRejectionReasons =
    [
        "申请购置跑步机等健身器材，不属于贫困群众基本生活和发展需求，不予通过。",
        "申请为贫困户统一购买品牌羽绒服，超出基本生活需要，建议改为申报冬季棉被。",
        "需求附带贫困户家庭照片和个人信息，违反隐私保护规定，请删除后重新申报。",
        "与已列入县级项目库的项目重复，不予通过。",
        "申报数量明显超出本村实际人口，请核实后重新申报。",
    ];

    private static readonly string[] CapOverrideReasons =
    [
        "该村为深度贫困村，人口多、缺口大，经县扶贫开发领导小组研究同意超出限额。",
        "道路为全村唯一出行通道，经乡镇审核、县级复核，同意超出类别限额。",
        "覆盖全村及相邻两个自然村，经县扶贫办集体研究同意超出限额。",
    ];

    private static readonly string[] PledgeCancellationReasons =
    [
        "企业年度预算调整，无法履行认捐，经与村委会协商撤回。",
        "认捐物资规格与村需求不符，经协商撤回认捐。",
        "企业经营困难，申请撤回尚未交付部分。",
    ];

    private readonly List<Need> _marketNeeds = [];
    private readonly List<Pledge> _marketPledges = [];
    private int _deliveryCount;

    private async Task BuildMarketplaceAsync()
    {
        _takenCodes.UnionWith(await db.Needs.Select(n => n.Code).ToListAsync(ct));
        _takenCodes.UnionWith(await db.Pledges.Select(p => p.Code).ToListAsync(ct));
        var market = new Market(this, new DemoRandom(unchecked((options.Seed * 31) + 4)));
        foreach (var plan in _plans.Where(p => p.PoorVillages.Count > 0))
        {
            for (var i = Scaled(market.Rng.Int(5, 11)); i > 0; i--)
            {
                market.Need(plan);
            }
        }

        if (DeskPairing() is { } desk)
        {
            market.ExpiredNeedsToClose(desk.Plan);
        }

        foreach (var record in _pledges)
        {
            market.PairingPledge(record);
        }

        // Codes follow the dates, as a register would number them, and so do the keys: the newest have the highest.
        var needs = market.Needs.OrderBy(n => n.Need.CreatedAt).ThenBy(n => n.Order).ToList();
        foreach (var need in needs)
        {
            need.Need.Number(NextSequenced(Need.CodeKind, need.Need.RegionCode, need.Need.CreatedAt.Year));
        }

        var pledges = market.Pledges.OrderBy(p => p.Pledge.PledgedAt).ThenBy(p => p.Order).ToList();
        foreach (var pledge in pledges)
        {
            pledge.Pledge.Number(NextSequenced(Pledge.CodeKind, pledge.Pledge.RegionCode, pledge.Pledge.PledgedAt.Year));
        }

        _marketNeeds.AddRange(needs.Select(n => n.Need));
        await writer.InsertAsync(_marketNeeds, ct);

        // Deliveries are written on their own, so that the EF fallback does not insert them a second time with their pledge.
        foreach (var plan in pledges)
        {
            if (plan.Need is not null)
            {
                plan.Pledge.LinkWrittenNeed(plan.Need.Need);
            }

            plan.Pledge.Deliveries.Clear();
        }

        _marketPledges.AddRange(pledges.Select(p => p.Pledge));
        await writer.InsertAsync(_marketPledges, ct);
        foreach (var plan in pledges)
        {
            foreach (var delivery in plan.Deliveries)
            {
                delivery.PledgeId = plan.Pledge.Id;
            }
        }

        var ordered = pledges.SelectMany(p => p.Deliveries).ToList();
        await writer.InsertAsync(ordered, ct);
        _deliveryCount = ordered.Count;

        var transactions = MarketTransactions(pledges);
        await writer.InsertAsync(transactions, ct);
        _transactionCount += transactions.Count;
        Report($"{_marketNeeds.Count:N0} needs, {_marketPledges.Count:N0} pledges, {_deliveryCount:N0} deliveries, {transactions.Count:N0} marketplace transactions");
    }

    /// <summary>A pledge transaction per money pledge of a need (the pairing pledges have theirs), a disbursement per received delivery.</summary>
    private List<MoneyTransaction> MarketTransactions(List<PledgePlan> pledges)
    {
        var rows = new List<(MoneyTransaction Row, int Order)>();
        foreach (var plan in pledges.Where(p => PledgeLifecycle.IsMoney(p.Pledge.Kind)))
        {
            var pledge = plan.Pledge;
            MoneyTransaction Row(TransactionKind kind, long amount, DateOnly date, int? project, string description) => new()
            {
                Code = "",
                Kind = kind,
                AmountFen = amount,
                Date = date,
                FiscalYear = date.Year,
                SourceType = FundSourceType.SocialDonation,
                ProjectId = project,
                ProviderOrganizationId = plan.Organization.Id,
                ProviderRegionCode = plan.Organization.RegionCode,
                ReceiverRegionCode = pledge.RegionCode,
                Description = description + DemoVocabulary.DemoMark,
                IsDemo = true,
            };

            if (plan.Need is not null)
            {
                rows.Add((Row(TransactionKind.Pledge, pledge.Quantity, DateOnly.FromDateTime(pledge.PledgedAt.DateTime), pledge.ProjectId, $"{plan.Organization.Name}认捐 {pledge.Code}：{plan.Purpose}。"), rows.Count));
            }

            foreach (var delivery in plan.Deliveries.Where(d => d.ReceivedAt is not null))
            {
                rows.Add((Row(TransactionKind.Disbursement, delivery.Quantity, delivery.DeliveredOn, null, $"{plan.Organization.Name}认捐 {pledge.Code} 到账，经村级确认：{delivery.Evidence}"), rows.Count));
            }
        }

        // Numbered on from the ledger of the transactions stage, in date order.
        var next = RegisterNumbers.Highest(MoneyTransaction.CodePrefix, _takenCodes);
        var ordered = rows.OrderBy(r => r.Row.Date).ThenBy(r => r.Order).Select(r => r.Row).ToList();
        foreach (var row in ordered)
        {
            row.Code = NextCode(() => MoneyTransaction.CodeFor(++next));
        }

        return ordered;
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Clock.RecordsOffset);

    private static DateOnly Min(DateOnly a, DateOnly b, DateOnly c) => Min(Min(a, b), c);

    /// <summary>The state of one generation of the marketplace: its random sequence, the donors' habits and what was planned so far.</summary>
    private sealed class Market
    {
        private readonly DemoBuilder _builder;
        private readonly NeedCaps _caps = new();
        private readonly ILookup<long, VillagePairing> _pairedByVillage;
        private readonly ILookup<long, ProjectPlan> _projectsByVillage;
        private readonly ILookup<int, int> _memberships;
        private readonly Dictionary<int, double> _reliability = [];
        private readonly List<(long Helped, int Program)> _cityPairings;
        private readonly List<(Organization Organization, double Weight)> _donors;

        public Market(DemoBuilder builder, DemoRandom rng)
        {
            _builder = builder;
            Rng = rng;
            _pairedByVillage = builder._villagePairings.ToLookup(p => p.Village.Code);
            _projectsByVillage = builder._projects.Where(p => p.Village is not null && p.Project.Status != ProjectStatus.Cancelled).ToLookup(p => p.Village!.Code);
            _memberships = builder._memberships.ToLookup(m => m.OrganizationId, m => m.ProgramId);
            _cityPairings = [.. builder._pairings.Where(p => p.HelperRegionCode is not null && p.ProgramId == builder._programs["YGXZ"].Id).Select(p => (p.HelpedRegionCode, p.ProgramId))];
            _donors =
            [
                .. builder._private.Select(o => (o, 3.0)),
                .. builder._stateOwned.Select(o => (o, 2.0)),
                .. builder._social.Select(o => (o, 2.0)),
                .. builder._donors.Select(o => (o, 1.0)),
            ];

            // How reliably each donor delivers, from 0 (often late, cancels, lets pledges lapse) to 1.
            foreach (var (organization, _) in _donors)
            {
                _reliability[organization.Id] = Rng.Double();
            }
        }

        public DemoRandom Rng { get; }

        public List<NeedPlan> Needs { get; } = [];

        public List<PledgePlan> Pledges { get; } = [];

        private DateOnly AsOf => _builder.AsOf;

        // ------------------------------------------------------------ needs

        /// <summary>
        /// Expired needs in the people's county until one has a pledge still under way (it must stay open) and one has
        /// none (its publisher closes it): the closing desk always has both kinds to show.
        /// </summary>
        public void ExpiredNeedsToClose(CountyPlan plan)
        {
            IEnumerable<PledgeStatus> Fates(NeedPlan need) => Pledges.Where(p => ReferenceEquals(p.Need, need)).Select(p => PledgeLifecycle.EffectiveStatus(p.Pledge, AsOf));
            bool Shown(Func<NeedPlan, bool> kind) => Needs.Any(n => ReferenceEquals(n.Plan, plan) && NeedLifecycle.EffectiveStatus(n.Need, 0, AsOf) == NeedStatus.Expired && kind(n));
            bool UnderWay(NeedPlan need) => Fates(need).Any(f => f is PledgeStatus.Pledged or PledgeStatus.Confirmed or PledgeStatus.Delivered);
            bool Done(NeedPlan need) => Fates(need).All(f => f is PledgeStatus.Completed or PledgeStatus.Cancelled or PledgeStatus.Lapsed);
            for (var tries = 0; tries < 40 && !(Shown(UnderWay) && Shown(Done)); tries++)
            {
                Need(plan, NeedStatus.Expired);
            }
        }

        public void Need(CountyPlan plan, NeedStatus? status = null)
        {
            var paired = plan.PoorVillages.Where(v => _pairedByVillage[v.Code].Any()).ToList();
            var village = paired.Count > 0 && Rng.Chance(0.35) ? Rng.Pick(paired) : Rng.Pick(plan.PoorVillages);
            var target = status ?? Rng.Weighted(
            [
                (NeedStatus.Draft, 3.0), (NeedStatus.PendingReview, 4.0), (NeedStatus.Rejected, 6.0), (NeedStatus.Open, 8.0),
                (NeedStatus.PartlyPledged, 14.0), (NeedStatus.FullyPledged, 13.0), (NeedStatus.Fulfilled, 26.0), (NeedStatus.Closed, 12.0), (NeedStatus.Expired, 14.0),
            ]);
            var closedAfterExpiry = target == NeedStatus.Closed && Rng.Chance(0.35);
            var (created, deadline) = Dates(target, closedAfterExpiry);
            var template = Rng.Pick(NeedTemplates);
            var (title, description, requested) = template.Write(Rng, plan, VillageName(village));
            var overCap = target is not (NeedStatus.Draft or NeedStatus.PendingReview or NeedStatus.Rejected) && Rng.Chance(0.07);
            if (overCap)
            {
                var cap = _caps.For(template.Category).LimitFor(template.Unit);
                requested = template.Unit == NeedLifecycle.MoneyUnit ? (long)(cap * Rng.Double(1.1, 1.6)) / 10_000 * 10_000 : (long)(cap * Rng.Double(1.1, 1.6));
            }

            var pairing = _pairedByVillage[village.Code].FirstOrDefault();
            var project = _projectsByVillage[village.Code].FirstOrDefault(p => p.Project.FiscalYear == created.Year);
            var priority = Rng.Weighted([(NeedPriority.Low, 15.0), (NeedPriority.Normal, 45.0), (NeedPriority.High, 28.0), (NeedPriority.Urgent, 12.0)]);
            var forProject = project is not null && Rng.Chance(0.4) ? project.Project : null;
            var forPairing = pairing is not null && Rng.Chance(0.5) ? pairing.Pairing : null;
            var registrant = village.ParentCode == plan.GovernedTownship?.Code ? plan.TownshipGovernment! : plan.PovertyOffice;
            var need = template.Unit == NeedLifecycle.MoneyUnit
                ? RegisterNeed(village, template, title, description, requested, null, deadline, priority, forProject, forPairing, registrant, created)
                : RegisterNeed(village, template, title, description, null, requested, deadline, priority, forProject, forPairing, registrant, created);
            var needPlan = new NeedPlan(need, plan, village, template, Needs.Count);
            Needs.Add(needPlan);
            if (target == NeedStatus.Draft)
            {
                return;
            }

            need.Submit();
            if (target == NeedStatus.PendingReview)
            {
                return;
            }

            var reviewer = $"{ReviewerNames[(int)(plan.County.Code / 1_000_000 % ReviewerNames.Length)]}（{plan.PovertyOffice.Name}）";
            var reviewed = Min(created.AddDays(Rng.Int(2, 12)), AsOf);
            if (target == NeedStatus.Rejected)
            {
                need.Reject(reviewer, Rng.Pick(NeedRejectionReasons), At(reviewed, 15));
                return;
            }

            need.Approve(reviewer, overCap ? Rng.Pick(CapOverrideReasons) : null, _caps.For(need.Category), At(reviewed, 15), reviewed);
            Pledge(needPlan, target, closedAfterExpiry, reviewed);
        }

        /// <summary>A need registered on <paramref name="created"/> as a draft, through the domain's rules.</summary>
        private static Need RegisterNeed(
            Region village, NeedTemplate template, string title, string description, long? amountFen, long? quantity, DateOnly deadline, NeedPriority priority,
            Project? project, Pairing? pairing, Organization registrant, DateOnly created)
        {
            var need = Domain.Needs.Need.Register(
                village, template.Category, title, description + DemoVocabulary.DemoMark, amountFen, quantity, quantity is null ? null : template.Unit,
                deadline, priority, project, pairing, registrant.Id, submit: false, At(created, 9), created);
            need.MarkAsDemo();
            return need;
        }

        /// <summary>Registration and deadline dates that let the need reach its target state by the demo's "as of" date.</summary>
        private (DateOnly Created, DateOnly Deadline) Dates(NeedStatus target, bool closedAfterExpiry)
        {
            var created = target switch
            {
                NeedStatus.Draft or NeedStatus.PendingReview => Rng.Date(_builder.On(2020, 11, 15), AsOf.AddDays(-3)),
                NeedStatus.Open or NeedStatus.PartlyPledged or NeedStatus.FullyPledged => Rng.Date(_builder.On(2020, 4, 1), _builder.On(2020, 11, 10)),
                NeedStatus.Rejected => Rng.Date(_builder.On(2017, 3, 1), _builder.On(2020, 12, 10)),
                NeedStatus.Expired => Rng.Date(_builder.On(2017, 3, 1), _builder.On(2020, 6, 30)),
                _ => Rng.Date(_builder.On(2017, 3, 1), _builder.On(2020, 5, 31)),
            };
            var deadline = target switch
            {
                NeedStatus.Open or NeedStatus.PartlyPledged or NeedStatus.FullyPledged => Rng.Date(_builder.On(2021, 1, 15), created.AddDays(NeedLifecycle.MaxDeadlineDays - 300)),
                NeedStatus.Expired => created.AddDays(Rng.Int(90, 180)),
                NeedStatus.Closed when closedAfterExpiry => created.AddDays(Rng.Int(90, 150)),
                _ => created.AddDays(Rng.Int(100, 240)),
            };
            return (created, deadline);
        }

        // ------------------------------------------------------------ pledges against needs

        private void Pledge(NeedPlan plan, NeedStatus target, bool closedAfterExpiry, DateOnly approved)
        {
            var need = plan.Need;
            var end = Min(need.Deadline, AsOf);
            var liveShare = target switch
            {
                NeedStatus.Fulfilled or NeedStatus.FullyPledged => 1.0,
                NeedStatus.Closed => closedAfterExpiry ? Rng.Double(0.2, 0.8) : 1.0,
                NeedStatus.PartlyPledged => Rng.Double(0.3, 0.8),
                NeedStatus.Expired => Rng.Chance(0.3) ? 0 : Rng.Double(0.2, 0.8),
                _ => 0,
            };
            var step = need.Unit == NeedLifecycle.MoneyUnit ? 10_000 : 1;
            var live = (long)(need.Requested * liveShare) / step * step;
            var liveStart = approved.AddDays(1);

            // Failed pledges first: cancelled or lapsed, their room given back before the live pledges take it.
            if (Rng.Chance(0.45) && approved.AddDays(60) < end.AddDays(-40))
            {
                var date = Rng.Date(approved.AddDays(1), approved.AddDays(15));
                var donor = Donor(plan.Village);
                var pledge = NewPledge(plan, donor, Math.Max(step, need.Requested / 4 / step * step), date);
                if (Rng.Chance(0.5))
                {
                    var confirmed = date.AddDays(Rng.Int(2, 10));
                    pledge.Pledge.Confirm(At(confirmed, 11), confirmed);
                    var cancelled = confirmed.AddDays(Rng.Int(5, 15));
                    pledge.Pledge.Cancel(Rng.Pick(PledgeCancellationReasons), need, cancelled);
                    liveStart = Max(liveStart, cancelled.AddDays(1));
                }
                else
                {
                    var lapsedOn = pledge.Pledge.ConfirmBy.AddDays(1);
                    pledge.Pledge.Lapse(need, lapsedOn);
                    liveStart = Max(liveStart, lapsedOn);
                }
            }

            // A lapse no write stored yet: the pledge still holds its room, the reads do not count it.
            if (target is NeedStatus.Open or NeedStatus.PartlyPledged or NeedStatus.Expired && Rng.Chance(0.3) && need.Requested - live >= step)
            {
                var latest = end.AddDays(-(PledgeLifecycle.DefaultConfirmDays + 2));
                if (latest >= liveStart)
                {
                    var room = need.Requested - live;
                    NewPledge(plan, Donor(plan.Village), Math.Max(step, room / 2 / step * step), Rng.Date(liveStart, latest));
                }
            }

            var parts = SplitLive(live, step);
            var fates = parts.Select(_ => LiveFate(target)).ToList();
            if (target == NeedStatus.FullyPledged && fates.All(f => f == PledgeStatus.Completed))
            {
                fates[^1] = PledgeStatus.Delivered;
            }

            for (var i = 0; i < parts.Count; i++)
            {
                Live(plan, parts[i], fates[i], liveStart, end);
            }

            if (target == NeedStatus.Closed)
            {
                var closedOn = Min(Max(need.Deadline, Pledges.Where(p => ReferenceEquals(p.Need, plan)).SelectMany(p => p.Deliveries).Select(d => DateOnly.FromDateTime(d.ReceivedAt!.Value.DateTime)).DefaultIfEmpty(need.Deadline).Max()).AddDays(Rng.Int(3, 30)), AsOf);
                need.Close(0, Pledges.Any(p => ReferenceEquals(p.Need, plan) && PledgeLifecycle.IsOpen(PledgeLifecycle.EffectiveStatus(p.Pledge, closedOn))), closedOn);
            }
        }

        private PledgeStatus LiveFate(NeedStatus target) => target switch
        {
            NeedStatus.Fulfilled or NeedStatus.Closed => PledgeStatus.Completed,
            NeedStatus.Expired => Rng.Weighted([(PledgeStatus.Completed, 6.0), (PledgeStatus.Received, 2.0), (PledgeStatus.Delivered, 1.0), (PledgeStatus.Confirmed, 1.0)]),
            _ => Rng.Weighted([(PledgeStatus.Pledged, 2.0), (PledgeStatus.Confirmed, 3.0), (PledgeStatus.Delivered, 2.0), (PledgeStatus.Received, 2.0), (PledgeStatus.Completed, 2.0)]),
        };

        /// <summary>One to four pledges adding up to <paramref name="total"/>, each a multiple of <paramref name="step"/>.</summary>
        private List<long> SplitLive(long total, long step)
        {
            var units = total / step;
            var count = (int)Math.Min(units, Rng.Int(1, 4));
            var parts = new List<long>();
            for (var i = count; i > 1; i--)
            {
                var share = Math.Max(1, (long)(units * Rng.Double(0.2, 0.6)));
                share = Math.Min(share, units - (i - 1));
                parts.Add(share * step);
                units -= share;
            }

            if (units > 0)
            {
                parts.Add(units * step);
            }

            return parts;
        }

        /// <summary>A live pledge, taken to <paramref name="fate"/> by the demo's "as of" date, on time or late as its donor tends to be.</summary>
        private void Live(NeedPlan plan, long quantity, PledgeStatus fate, DateOnly start, DateOnly end)
        {
            var need = plan.Need;
            var donor = Donor(plan.Village);
            var onTime = Rng.Chance(0.25 + (0.7 * _reliability[donor.Id]));
            DateOnly date;
            if (fate == PledgeStatus.Pledged)
            {
                // Still awaiting its agreement on the "as of" date: made within the last weeks.
                date = Rng.Date(Max(start, AsOf.AddDays(-(PledgeLifecycle.DefaultConfirmDays - 5))), Max(start, AsOf));
            }
            else
            {
                date = Rng.Date(start, Max(start, end.AddDays(-30)));
            }

            var pledge = NewPledge(plan, donor, quantity, date);
            if (fate == PledgeStatus.Pledged)
            {
                return;
            }

            var confirmed = Min(date.AddDays(Rng.Int(2, 20)), pledge.Pledge.ConfirmBy, AsOf);
            pledge.Pledge.Confirm(At(confirmed, 11), confirmed);
            if (fate == PledgeStatus.Confirmed)
            {
                return;
            }

            var last = onTime || need.Deadline >= AsOf
                ? Rng.Date(Min(confirmed.AddDays(1), AsOf), Max(Min(confirmed.AddDays(1), AsOf), Min(need.Deadline, AsOf.AddDays(-2))))
                : Rng.Date(Min(need.Deadline.AddDays(1), AsOf), Min(need.Deadline.AddDays(90), AsOf));
            Deliver(pledge, need, fate, confirmed, last);
        }

        // ------------------------------------------------------------ the pledges of the pairings (transactions stage)

        public void PairingPledge(PledgeRecord record)
        {
            var transaction = record.Transaction;
            var donor = record.Pairing.Enterprise;
            var project = record.Project?.Project;

            // The transactions stage pledged to a project of the pledge's own fiscal year that was never cancelled: it was
            // under way then and took pledges, whatever it is by now (closed, mostly, for the early years).
            var pledge = Domain.Pledges.Pledge.Make(
                donor, null, project, projectTakesPledges: project is not null, project is null ? record.Pairing.Village : null, PledgeKind.Money, transaction.AmountFen, null, null,
                null, false, record.Pairing.Pairing.ProgramId, At(transaction.Date, 10), transaction.Date);
            pledge.MarkAsDemo();
            var plan = new PledgePlan(pledge, null, donor, record.Purpose, Pledges.Count);
            Pledges.Add(plan);

            // A withdrawn pledge notice tells what became of the pledge: never signed (lapsed), or withdrawn by agreement.
            var withdrawn = _builder._notices.FirstOrDefault(n => n.Notice.Kind == NoticeKind.Pledge && n.Notice.RegionCode == pledge.RegionCode
                && n.Notice.Status == NoticeStatus.Withdrawn && n.Notice.Title.Contains($"{transaction.FiscalYear}年", StringComparison.Ordinal));
            var reliability = _reliability[donor.Id];
            if ((withdrawn is not null && withdrawn.Notice.WithdrawalReason!.Contains("协议未能签订", StringComparison.Ordinal)) || Rng.Chance(0.12 * (1 - reliability)))
            {
                // Lapsed, and nothing has stored it: a pledge to a village has no need whose next write would.
                return;
            }

            var confirmed = Min(transaction.Date.AddDays(Rng.Int(3, 25)), pledge.ConfirmBy, AsOf);
            pledge.Confirm(At(confirmed, 11), confirmed);
            if (withdrawn is not null || Rng.Chance(0.08 * (1 - reliability)))
            {
                pledge.Cancel(Rng.Pick(PledgeCancellationReasons), null, Min(confirmed.AddDays(Rng.Int(5, 40)), AsOf));
                return;
            }

            var recent = transaction.Date > AsOf.AddDays(-90);
            var fate = recent ? Rng.Weighted([(PledgeStatus.Confirmed, 1.0), (PledgeStatus.Delivered, 1.0), (PledgeStatus.Received, 1.0), (PledgeStatus.Completed, 1.0)]) : PledgeStatus.Completed;
            if (fate == PledgeStatus.Confirmed)
            {
                return;
            }

            var due = _builder._projects.FirstOrDefault(p => p.Project.Id == transaction.ProjectId)?.Project.PlannedEnd ?? transaction.Date.AddDays(180);
            var onTime = Rng.Chance(0.25 + (0.7 * reliability));
            var last = onTime ? Rng.Date(Min(confirmed.AddDays(1), AsOf), Max(Min(confirmed.AddDays(1), AsOf), Min(due, AsOf.AddDays(-2))))
                : Rng.Date(Min(Max(due, confirmed).AddDays(1), AsOf), Min(Max(due, confirmed).AddDays(120), AsOf));
            Deliver(plan, null, fate, confirmed, last);
        }

        // ------------------------------------------------------------ shared steps

        private PledgePlan NewPledge(NeedPlan need, Organization donor, long quantity, DateOnly date)
        {
            var kind = need.Template.Kind;
            var pledge = Domain.Pledges.Pledge.Make(donor, need.Need, null, false, null, kind, quantity, null, null, null, false, Program(need, donor), At(date, 10), date);
            pledge.MarkAsDemo();
            var plan = new PledgePlan(pledge, need, donor, need.Need.Title, Pledges.Count);
            Pledges.Add(plan);
            return plan;
        }

        /// <summary>Delivers in one to three parts up to <paramref name="last"/>; the village confirms each a few days later, except what <paramref name="fate"/> leaves open.</summary>
        private void Deliver(PledgePlan plan, Need? need, PledgeStatus fate, DateOnly confirmed, DateOnly last)
        {
            var pledge = plan.Pledge;
            var step = PledgeLifecycle.IsMoney(pledge.Kind) ? 10_000 : 1;
            var units = pledge.Quantity / step;
            var partial = Math.Max(1, units * Rng.Int(40, 80) / 100);
            var total = fate switch
            {
                PledgeStatus.Completed => units,
                PledgeStatus.Delivered => Rng.Chance(0.4) ? units : partial,
                _ => Math.Min(partial, units - 1),
            };
            if (total <= 0)
            {
                return;
            }

            var count = (int)Math.Min(total, Rng.Int(1, 3));
            var dates = Enumerable.Range(0, count).Select(_ => Rng.Date(Min(confirmed.AddDays(1), last), last)).Order().ToList();
            dates[^1] = last;
            var left = total;
            for (var i = 0; i < count; i++)
            {
                // Each later part keeps at least one unit.
                var part = i == count - 1 ? left : Math.Min(total / count, left - (count - 1 - i));
                left -= part;
                var delivery = pledge.RecordDelivery(part * step, dates[i], Evidence(pledge, dates[i]), dates[i]);
                plan.Deliveries.Add(delivery);
                var keepOpen = fate == PledgeStatus.Delivered && i == count - 1;
                var receivedOn = Min(dates[i].AddDays(Rng.Int(1, 7)), AsOf);
                if (!keepOpen)
                {
                    pledge.ConfirmReceipt(delivery, need, ReceivingUnit(plan), At(receivedOn, 16));
                }
            }
        }

        private string ReceivingUnit(PledgePlan plan)
        {
            var county = _builder._plans.First(p => RegionCode.Of(p.County.Code).Contains(plan.Pledge.RegionCode));
            var village = RegionCode.Of(plan.Pledge.RegionCode);
            return county.GovernedTownship is { } township && RegionCode.Of(township.Code).Contains(village.Value) ? county.TownshipGovernment!.Name : county.PovertyOffice.Name;
        }

        private string Evidence(Pledge pledge, DateOnly day) => pledge.Kind switch
        {
            PledgeKind.Money or PledgeKind.Purchases => $"银行转账回单（编号YH{day:yyyyMMdd}{Rng.Int(100, 999)}），村委会已核对到账",
            PledgeKind.Goods => "物资签收单经村委会盖章，验收照片（不含人物）存乡镇备查",
            PledgeKind.Jobs => "用工合同已签订，录用人数经乡镇人社所核实（不公开个人信息）",
            _ => "培训签到表（按人数统计）和培训现场照片（不含人物）存档备查",
        };

        /// <summary>A donor for a pledge to the village: its paired enterprise more often than not, otherwise any donor.</summary>
        private Organization Donor(Region village)
        {
            var paired = _pairedByVillage[village.Code].ToList();
            return paired.Count > 0 && Rng.Chance(0.55) ? Rng.Pick(paired).Enterprise : Rng.Weighted(_donors);
        }

        /// <summary>The program the pledge counts for, as the API would attribute it, or as a member donor would name it.</summary>
        private int? Program(NeedPlan need, Organization donor)
        {
            if (need.Need.PairingId is { } pairing)
            {
                return _builder._pairings.First(p => p.Id == pairing).ProgramId;
            }

            var own = _pairedByVillage[need.Village.Code].FirstOrDefault(p => p.Enterprise.Id == donor.Id);
            if (own is not null)
            {
                return own.Pairing.ProgramId;
            }

            var joined = _memberships[donor.Id].ToHashSet();
            var city = _cityPairings.FirstOrDefault(p => joined.Contains(p.Program) && RegionCode.Of(p.Helped).Contains(need.Village.Code));
            if (city != default)
            {
                return city.Program;
            }

            var local = _builder._programs["QQFQC"].Id;
            var national = _builder._programs["WQBWC"].Id;
            return joined.Contains(local) && need.Plan.ProvinceNumber == 45 && Rng.Chance(0.6) ? local
                : joined.Contains(national) ? national
                : null;
        }
    }

    // ---------------------------------------------------------------- what a need asks

    private static readonly NeedTemplate[] NeedTemplates =
    [
        new(NeedCategory.Education, NeedLifecycle.MoneyUnit, PledgeKind.Money, 20_000, 80_000, "{v}贫困家庭学生助学金", "资助本村{n}名建档立卡贫困家庭在校学生（小学至高中），每人每学期补助生活费。"),
        new(NeedCategory.Education, "套", PledgeKind.Goods, 20, 80, "{v}小学课桌椅", "为村小学更换{n}套课桌椅，惠及全体在校学生。"),
        new(NeedCategory.Medical, NeedLifecycle.MoneyUnit, PledgeKind.Money, 30_000, 150_000, "{v}卫生室医疗设备", "为村卫生室购置血压计、血糖仪、诊疗床等基本设备，服务全村{n}户群众。"),
        new(NeedCategory.Medical, NeedLifecycle.MoneyUnit, PledgeKind.Money, 50_000, 200_000, "{v}大病患者医疗救助缺口", "{n}户因病致贫家庭医保报销后仍有自付缺口（按户统计，不公开个人信息）。"),
        new(NeedCategory.Housing, NeedLifecycle.MoneyUnit, PledgeKind.Money, 50_000, 400_000, "{v}危房改造补助缺口", "{n}户C级、D级危房改造，政府补助后每户仍有资金缺口。"),
        new(NeedCategory.Industry, "株", PledgeKind.Goods, 2_000, 20_000, "{v}{crop}种苗", "发展{crop}产业，需种苗{n}株，由合作社统一种植管护，带动贫困户增收。"),
        new(NeedCategory.Industry, NeedLifecycle.MoneyUnit, PledgeKind.Money, 100_000, 600_000, "{v}{crop}产业合作社启动资金", "村集体牵头成立{crop}专业合作社，{n}户贫困户以土地和劳力入股，需启动资金。"),
        new(NeedCategory.Jobs, "个岗位", PledgeKind.Jobs, 10, 60, "{v}贫困劳动力就业岗位", "村内有{n}名有劳动能力的贫困劳动力希望外出或就近务工。"),
        new(NeedCategory.SkillsTraining, "人次", PledgeKind.Services, 20, 120, "{v}{crop}种植技术培训", "组织{n}人次参加种养技术培训，提高贫困户产业发展能力。"),
        new(NeedCategory.DailyNecessities, "床", PledgeKind.Goods, 30, 300, "{v}困难群众冬季棉被", "为{n}户特困和低保家庭配发冬季棉被。"),
        new(NeedCategory.DailyNecessities, "套", PledgeKind.Goods, 20, 150, "{v}留守儿童学习用品", "为{n}名留守儿童配发书包、文具和课外读物。"),
        new(NeedCategory.Infrastructure, NeedLifecycle.MoneyUnit, PledgeKind.Money, 100_000, 600_000, "{v}村道太阳能路灯", "安装太阳能路灯{n}盏，解决群众夜间出行安全问题。"),
        new(NeedCategory.Infrastructure, NeedLifecycle.MoneyUnit, PledgeKind.Money, 80_000, 500_000, "{v}饮水管网维修", "维修老化饮水管网，保障{n}户群众饮水安全。"),
        new(NeedCategory.ProductPurchase, NeedLifecycle.MoneyUnit, PledgeKind.Purchases, 50_000, 500_000, "{v}{crop}滞销农产品采购", "合作社{crop}丰收，约{n}吨待销售，欢迎以购代捐。"),
    ];
}

/// <summary>
/// A kind of need with its range: whole yuan for money (stored in fen), otherwise a count in its unit. "{v}" is the
/// village, "{crop}" a crop of the province, "{n}" a count that fits the size.
/// </summary>
internal sealed record NeedTemplate(NeedCategory Category, string Unit, PledgeKind Kind, long Min, long Max, string Title, string Description)
{
    public (string Title, string Description, long Requested) Write(DemoRandom rng, CountyPlan plan, string village)
    {
        var crop = rng.Pick(DemoVocabulary.Crops[plan.ProvinceNumber]);
        var size = rng.Long(Min, Max);
        var money = Unit == NeedLifecycle.MoneyUnit;
        var requested = money ? size / 1_000 * 1_000 * 100 : size;
        var count = money ? Math.Max(3, size / rng.Int(2_000, 8_000)) : size;
        string Fill(string text) => text.Replace("{v}", village, StringComparison.Ordinal).Replace("{crop}", crop, StringComparison.Ordinal)
            .Replace("{n}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (Fill(Title), Fill(Description), requested);
    }
}

internal sealed record NeedPlan(Need Need, CountyPlan Plan, Region Village, NeedTemplate Template, int Order);

internal sealed record PledgePlan(Pledge Pledge, NeedPlan? Need, Organization Organization, string Purpose, int Order)
{
    /// <summary>The deliveries, kept apart from <see cref="Pledge.Deliveries"/> once the pledge is written.</summary>
    public List<PledgeDelivery> Deliveries { get; } = [];
}
