using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Funds;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Pledges;

/// <summary>
/// Keeps the money views (transactions, moneySummary, moneyByRegion) in step with the marketplace, after the IATI
/// kinds: a money or purchase pledge is a <see cref="TransactionKind.Pledge"/> when it is made, and each delivery the
/// village confirms is a <see cref="TransactionKind.Disbursement"/> of social money (社会捐赠) to the village.
/// <para>
/// The disbursement names no project: donor money reaches the village directly, outside a project's fund chain, so
/// it never counts against what the project's funds committed. Cancelled and lapsed pledges keep their pledge
/// transaction, as a dated promise that was made; the pledge itself says what became of it.
/// </para>
/// </summary>
public static class PledgeMoney
{
    public static async Task RecordPledgeAsync(OpenAidDbContext db, Pledge pledge, Organization donor, DateOnly date, string purpose, CancellationToken ct)
    {
        if (PledgeLifecycle.IsMoney(pledge.Kind))
        {
            await AddAsync(db, TransactionKind.Pledge, pledge, donor, pledge.Quantity, date, pledge.ProjectId, $"{donor.Name}认捐 {pledge.Code}：{purpose}", ct);
        }
    }

    public static async Task RecordReceiptAsync(OpenAidDbContext db, Pledge pledge, PledgeDelivery delivery, CancellationToken ct)
    {
        if (PledgeLifecycle.IsMoney(pledge.Kind))
        {
            var donor = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == pledge.OrganizationId, ct);
            await AddAsync(db, TransactionKind.Disbursement, pledge, donor, delivery.Quantity, delivery.DeliveredOn, null, $"{donor.Name}认捐 {pledge.Code} 到账，经村级确认：{delivery.Evidence}", ct);
        }
    }

    private static async Task AddAsync(OpenAidDbContext db, TransactionKind kind, Pledge pledge, Organization donor, long amount, DateOnly date, int? projectId, string description, CancellationToken ct)
    {
        await Totals.RequireRoomAsync(db.Transactions, t => t.AmountFen, amount, "quantity", ct);
        db.Transactions.Add(new MoneyTransaction
        {
            Code = await TransactionCodes.NextAsync(db, ct),
            Kind = kind,
            AmountFen = amount,
            Date = date,
            FiscalYear = date.Year,
            SourceType = FundSourceType.SocialDonation,
            ProjectId = projectId,
            ProviderOrganizationId = donor.Id,
            ProviderRegionCode = donor.RegionCode,
            ReceiverRegionCode = pledge.RegionCode,
            Description = description.Length <= 1000 ? description : description[..1000],
        });
    }
}
