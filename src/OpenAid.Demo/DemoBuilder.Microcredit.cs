using OpenAid.Domain.Common;
using OpenAid.Domain.Microcredit;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// Each poor county's microcredit (扶贫小额信贷) figures for the demo years: loans of at most ¥50,000 each, a balance
/// of about three years' loans, a small overdue share, the interest subsidy on the balance, and a risk-compensation
/// fund. Some counties corrected last year's overdue figure, which leaves the first version superseded.
/// </summary>
internal sealed partial class DemoBuilder
{
    private const string MicrocreditCorrection = "经与合作银行对账，更正逾期贷款金额。";

    private async Task BuildMicrocreditAsync()
    {
        // A sequence of its own, so that adding microcredit left the rest of the demo data as it was.
        var rng = new DemoRandom(unchecked((options.Seed * 31) + 5));
        var records = new List<MicrocreditRecord>();
        foreach (var plan in _plans.Where(p => p.County.PovertyStatus != PovertyStatus.NotRegistered))
        {
            var loans = rng.Int(600, 2_000);
            var balance = 0L;
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var issuedFen = loans * rng.Long(3_500_000, 4_800_000);
                // Three-year loans: a third of the balance is repaid each year.
                balance = (balance * 2 / 3) + issuedFen;
                var figures = new MicrocreditFigures(
                    loans, issuedFen, balance, balance * rng.Int(5, 150) / 10_000, balance * rng.Int(380, 435) / 10_000, rng.Long(5_000, 30_000) * 100_000);
                var recordedOn = Min(new DateOnly(year + 1, 3, rng.Int(1, 28)), AsOf);
                var record = MicrocreditRecord.Record(plan.County, year, figures, null, null, At(recordedOn, 10));
                record.MarkAsDemo();
                records.Add(record);
                if (year == LastYear - 1 && rng.Chance(0.3))
                {
                    var corrected = MicrocreditRecord.Record(plan.County, year, figures with { OverdueFen = figures.OverdueFen * rng.Int(80, 120) / 100 }, record, MicrocreditCorrection + DemoVocabulary.DemoMark, At(Min(recordedOn.AddDays(rng.Int(20, 60)), AsOf), 15));
                    corrected.MarkAsDemo();
                    records.Add(corrected);
                }

                loans = Math.Max(100, loans * rng.Int(85, 120) / 100);
            }
        }

        await writer.InsertAsync(records, ct);
        Report($"{records.Count:N0} microcredit records ({records.Count(r => !r.IsCurrent):N0} superseded)");
    }
}
