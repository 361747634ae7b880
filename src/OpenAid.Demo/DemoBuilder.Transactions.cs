using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Projects;

namespace OpenAid.Demo;

internal sealed partial class DemoBuilder
{
    private readonly List<PledgeRecord> _pledges = [];
    private int _transactionCount;

    /// <summary>
    /// What moved: incoming funds into the fund's region (from the centre, Guangdong, an SOE or a donor),
    /// then per allocation a commitment, disbursements within it and expenditures within those, so that per
    /// project and per fund disbursed ≤ committed and spent ≤ disbursed. Plus enterprise pledges to villages.
    /// </summary>
    private async Task BuildTransactionsAsync()
    {
        _takenCodes.UnionWith(await db.Transactions.Select(t => t.Code).ToListAsync(ct));
        var rows = new List<(MoneyTransaction Row, int Order)>();
        void Add(MoneyTransaction row) => rows.Add((row, rows.Count));

        foreach (var fund in _funds.OrderBy(f => f.Fund.Code, StringComparer.Ordinal))
        {
            var f = fund.Fund;
            var from = f.SourceType switch
            {
                FundSourceType.CentralFiscal => "中央财政",
                FundSourceType.EastWestCooperation or FundSourceType.SocialDonation or FundSourceType.DesignatedAssistance => fund.Provider?.Name,
                _ => null,
            };
            // Money enters the chain once: blocks and pools received theirs from a fund above, not from outside.
            if (from is null || f.OwnAmountFen == 0)
            {
                continue;
            }

            Add(new MoneyTransaction
            {
                Code = "",
                Kind = TransactionKind.IncomingFunds,
                AmountFen = f.OwnAmountFen,
                Date = Max(new DateOnly(f.FiscalYear, 1, 1), f.DecidedOn.AddDays(-_rng.Int(3, 30))),
                FiscalYear = f.FiscalYear,
                FundId = f.Id,
                SourceType = f.SourceType,
                ProviderOrganizationId = fund.Provider?.Id,
                ProviderRegionCode = fund.ProviderRegion,
                ReceiverOrganizationId = fund.Receiver.Id,
                ReceiverRegionCode = f.RegionCode,
                Description = $"收到{from}拨入{f.Name}（{f.DocumentNumber}）。{DemoVocabulary.DemoMark}",
                IsDemo = true,
            });
        }

        foreach (var project in _projects.OrderBy(p => p.Project.Code, StringComparer.Ordinal))
        {
            var p = project.Project;

            // The demo's records are richer than recordTransaction's (provider organisations), but the project's
            // money rules are the domain's: each record is checked and counted in the project's ledger.
            var ledger = new ProjectLedger(p.Code);
            foreach (var allocation in project.Allocations)
            {
                var fund = allocation.Fund.Fund;
                MoneyTransaction Row(TransactionKind kind, long amount, DateOnly date, string description) => new()
                {
                    Code = "",
                    Kind = kind,
                    AmountFen = ledger.Record(kind, amount),
                    Date = Min(date, AsOf),
                    FiscalYear = p.FiscalYear,
                    FundId = fund.Id,
                    SourceType = fund.SourceType,
                    ProjectId = p.Id,
                    ProviderOrganizationId = kind == TransactionKind.Expenditure ? project.Implementer.Id : allocation.Fund.Issuer.Id,
                    ProviderRegionCode = kind == TransactionKind.Expenditure ? p.RegionCode : fund.RegionCode,
                    ReceiverOrganizationId = kind == TransactionKind.Expenditure ? null : project.Implementer.Id,
                    ReceiverRegionCode = p.RegionCode,
                    Description = description + DemoVocabulary.DemoMark,
                    IsDemo = true,
                };

                Add(Row(TransactionKind.Commitment, allocation.AmountFen, allocation.DecidedOn, $"下达{p.Name}资金计划：{fund.Name}（{fund.DocumentNumber}）。"));

                var (paidShare, spentShare) = p.Status switch
                {
                    ProjectStatus.Approved => (_rng.Chance(0.4) ? 0.3 : 0.0, _rng.Double(0.0, 0.5)),
                    ProjectStatus.Implementing => (_rng.Double(0.3, 0.8), _rng.Double(0.5, 1.0)),
                    ProjectStatus.Accepted => (_rng.Double(0.85, 1.0), _rng.Double(0.95, 1.0)),
                    _ => (1.0, 1.0),
                };
                var paid = (long)(allocation.AmountFen * paidShare);
                if (paid <= 0)
                {
                    continue;
                }

                // An advance at the start, and the balance after acceptance for larger sums.
                var start = p.ActualStart ?? allocation.DecidedOn.AddDays(_rng.Int(5, 30));
                var firstDate = Max(allocation.DecidedOn, start.AddDays(_rng.Int(0, 20)));
                var parts = paid >= 100_000_000 && p.ActualEnd is not null ? 2 : 1;
                var firstPart = parts == 1 ? paid : (long)(paid * _rng.Double(0.3, 0.6));
                var payments = new List<(long Amount, DateOnly Date)> { (firstPart, firstDate) };
                if (parts == 2)
                {
                    payments.Add((paid - firstPart, Max(firstDate, p.ActualEnd!.Value.AddDays(_rng.Int(5, 30)))));
                }

                for (var i = 0; i < payments.Count; i++)
                {
                    var (amount, date) = payments[i];
                    Add(Row(TransactionKind.Disbursement, amount, date, $"拨付{p.Name}项目资金（第{i + 1}笔）。"));

                    // Spending is exact to the fen and never more than was paid out.
                    var spent = spentShare >= 1.0 ? amount : (long)(amount * spentShare) - _rng.Int(0, 99);
                    if (spent <= 0)
                    {
                        continue;
                    }

                    var spendDate = Min(date.AddDays(_rng.Int(3, 60)), AsOf);
                    Add(Row(TransactionKind.Expenditure, spent, Max(date, spendDate), $"{p.Name}项目支出：{_rng.Pick(ExpenditureKinds(p.Category))}。"));
                }
            }
        }

        // 认捐: an enterprise promises money to its paired village, sometimes for a project there.
        foreach (var pairing in _villagePairings)
        {
            for (var n = _rng.Int(1, 2); n > 0; n--)
            {
                var year = _rng.Int(pairing.Pairing.StartYear, LastYear);
                var project = _projects.FirstOrDefault(p => p.Village?.Code == pairing.Village.Code && p.Project.FiscalYear == year && p.Project.Status != ProjectStatus.Cancelled);
                var date = _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 10, 31));
                var amount = _rng.Long(10, 300) * 100_000;
                var purpose = project is null ? _rng.Pick(PledgePurposes) : $"支持{project.Project.Name}";
                var row = new MoneyTransaction
                {
                    Code = "",
                    Kind = TransactionKind.Pledge,
                    AmountFen = amount,
                    Date = date,
                    FiscalYear = year,
                    SourceType = FundSourceType.SocialDonation,
                    ProjectId = project?.Project.Id,
                    ProviderOrganizationId = pairing.Enterprise.Id,
                    ProviderRegionCode = pairing.Enterprise.RegionCode,
                    ReceiverRegionCode = pairing.Village.Code,
                    Description = $"{pairing.Enterprise.Name}认捐：{purpose}。{DemoVocabulary.DemoMark}",
                    IsDemo = true,
                };
                Add(row);
                _pledges.Add(new PledgeRecord(pairing, row, project, purpose));
            }
        }

        // Codes follow the dates, so that JY numbers read as a ledger.
        var ordered = rows.OrderBy(r => r.Row.Date).ThenBy(r => r.Order).Select(r => r.Row).ToList();
        var next = 0;
        foreach (var row in ordered)
        {
            row.Code = NextCode(() => MoneyTransaction.CodeFor(++next));
        }

        await writer.InsertAsync(ordered, ct);
        _transactionCount = ordered.Count;
        Report($"{ordered.Count:N0} transactions");
    }

    private static readonly string[] PledgePurposes =
    [
        "资助贫困家庭学生完成学业", "改善村级道路和饮水设施", "扶持村集体经济发展特色产业", "采购村特色农产品（消费扶贫）", "为村卫生室购置医疗设备",
    ];

    private static string[] ExpenditureKinds(ProjectCategory category) => category switch
    {
        ProjectCategory.Infrastructure or ProjectCategory.Relocation or ProjectCategory.Housing => ["工程进度款", "材料采购", "工程监理费", "竣工结算款"],
        ProjectCategory.Industry or ProjectCategory.AssetIncome => ["种苗采购", "设施设备购置", "技术培训费", "入股资金划转"],
        ProjectCategory.Education or ProjectCategory.Health or ProjectCategory.SocialSafetyNet => ["补助资金发放（按名册，不公开个人信息）", "资助资金划转"],
        _ => ["设备购置", "培训费", "劳务费", "运营补助"],
    };
}

/// <summary>A pledge transaction with what it was for, for the pledge notices.</summary>
internal sealed record PledgeRecord(VillagePairing Pairing, MoneyTransaction Transaction, ProjectPlan? Project, string Purpose);
