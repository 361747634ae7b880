using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.GraphQL;

/// <summary>Input checks that many mutations share; each failure is a <see cref="DomainException"/> naming the field.</summary>
public static class WriteChecks
{
    /// <summary>The largest amount one record may hold: ¥1 trillion, far above any real fund.</summary>
    public const long MaxAmountFen = 100_000_000_000_000;

    public static long PositiveAmount(long fen, string field) =>
        fen is > 0 and <= MaxAmountFen
            ? fen
            : throw new DomainException("INVALID_AMOUNT", $"'{field}' must be more than 0 and at most {MaxAmountFen} fen; it was {fen}.", field);

    public static int Count(int count, string field, int max) =>
        count is >= 0 && count <= max
            ? count
            : throw new DomainException("INVALID_COUNT", $"'{field}' must be from 0 to {max}; it was {count}.", field);

    public static string PublicText(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("REQUIRED", $"'{field}' must not be empty.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException("TOO_LONG", $"'{field}' may have at most {maxLength} characters; it has {trimmed.Length}.", field);
        }

        PrivacyGuard.EnsurePublic(trimmed, field);
        return trimmed;
    }

    public static int Year(int year, string field) =>
        year is >= 2000 and <= 2100 ? year : throw new DomainException("INVALID_YEAR", $"'{field}' must be a year from 2000 to 2100; it was {year}.", field);

    public static async Task<Region> RegionAsync(OpenAidDbContext db, string code, string field, CancellationToken ct)
    {
        if (!RegionCode.TryParse(code, out var parsed))
        {
            throw new DomainException("INVALID_REGION_CODE", $"'{code}' is not a statistical region code (2, 4, 6, 9 or 12 digits).", field);
        }

        return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == parsed.Value, ct)
            ?? throw new DomainException("REGION_NOT_FOUND", $"No region has the code '{code}'.", field);
    }

    /// <summary>The organisation the signed-in caller acts for.</summary>
    public static async Task<Organization> OwnOrganizationAsync(OpenAidDbContext db, string? organizationCode, CancellationToken ct) =>
        await db.Organizations.SingleOrDefaultAsync(o => o.Code == organizationCode, ct)
            ?? throw new DomainException("ORGANIZATION_NOT_FOUND", $"Your token names organisation '{organizationCode ?? "(none)"}', which OpenAid does not hold.", null);

    /// <summary>Finds a record by its public code, or fails naming the field.</summary>
    public static async Task<T> ByCodeAsync<T>(IQueryable<T> set, string code, string field, CancellationToken ct)
        where T : class =>
        await set.SingleOrDefaultAsync(e => EF.Property<string>(e, "Code") == code, ct)
            ?? throw new DomainException("NOT_FOUND", $"No {typeof(T).Name.ToLowerInvariant()} has the code '{code}'.", field);
}
