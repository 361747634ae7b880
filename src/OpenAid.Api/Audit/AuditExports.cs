using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.RateLimiting;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Audit;

/// <summary>
/// The audit trail's signatures, published: /export/audit-key (keys.json: every public key that ever signed, the
/// current one named) and /export/checkpoints.ndjson (every checkpoint, oldest first). See FORMAT.md.
/// </summary>
public static class AuditExports
{
    public const string KeysPath = "/export/audit-key";
    public const string CheckpointsPath = "/export/checkpoints.ndjson";

    public static IEndpointRouteBuilder MapAuditExports(this IEndpointRouteBuilder endpoints)
    {
        var limiter = endpoints.ServiceProvider.GetRequiredService<ClientRateLimiter>();
        // The keyring is taken per request: building the host (print-schema, token) needs no key.
        endpoints.MapGet(KeysPath, (HttpContext http, AuditKeyring keyring) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(keyring.Current().Published.ToJson(indented: true), "application/json; charset=utf-8");
        });
        endpoints.MapGet(CheckpointsPath, async (HttpContext http, OpenAidDbContext db) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.ContentType = "application/x-ndjson; charset=utf-8";
            var rows = await WriteCheckpointsAsync(http.Response.Body, AuditCheckpoints.InOrder(db.AuditCheckpoints), http.RequestAborted);
            await limiter.ChargeRowsAsync(http.User, http.Connection.RemoteIpAddress, rows);
        });
        return endpoints;
    }

    /// <summary>One line per checkpoint, streamed; returns how many.</summary>
    public static async Task<long> WriteCheckpointsAsync(Stream output, IQueryable<AuditCheckpoint> checkpoints, CancellationToken ct)
    {
        long rows = 0;
        await foreach (var checkpoint in checkpoints.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(PublishedCheckpoint.From(checkpoint).ToJson() + "\n"), ct);
            rows++;
        }

        return rows;
    }
}
