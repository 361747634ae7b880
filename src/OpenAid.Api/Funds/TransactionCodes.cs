using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;

namespace OpenAid.Api.Funds;

/// <summary>Public codes of new money transactions: "JY-{year}-{sequence}".</summary>
public static class TransactionCodes
{
    /// <summary>
    /// The next code. A concurrent writer taking the same number collides on the unique code, and the mutation
    /// runner runs the whole write again.
    /// </summary>
    public static async Task<string> NextAsync(OpenAidDbContext db, int year, CancellationToken ct)
    {
        var sequence = (await db.Transactions.MaxAsync(t => (long?)t.Id, ct) ?? 0) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"JY-{year}-{sequence:D8}");
    }
}
