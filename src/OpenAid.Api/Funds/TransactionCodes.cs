using OpenAid.Data;
using OpenAid.Domain.Funds;

namespace OpenAid.Api.Funds;

/// <summary>Public codes of new money transactions, numbered on from the ledger as the demo data numbers it.</summary>
public static class TransactionCodes
{
    /// <summary>The next code, from the ledger's sequence: never given twice, also within one write.</summary>
    public static async Task<string> NextAsync(OpenAidDbContext db, CancellationToken ct) =>
        MoneyTransaction.CodeFor(await RegisterSequence.TakeAsync(db, MoneyTransaction.CodePrefix, db.Transactions.Select(t => t.Code), ct));
}
