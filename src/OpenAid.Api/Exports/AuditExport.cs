using System.Globalization;
using GraphQL;
using OpenAid.Api.GraphQL;
using OpenAid.Api.RateLimiting;
using OpenAid.Api.Reports;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Exports;

/// <summary>
/// /export/audit.ndjson?after={sequence}: every audit entry after the sequence, oldest first, in its published form
/// (AuditPublication; FORMAT.md): public entries with their fields, restricted ones by their content digest. Runs in an
/// export slot and is charged by its rows like every export.
/// </summary>
public static class AuditExport
{
    public const string Path = "/export/audit.ndjson";

    public const string Description = "The whole audit trail in its published form, oldest first, one entry per line: public entries with their salted fields, " +
        "restricted ones (drafts) by their content digest only, so that anyone can recompute every hash. Pass the last sequence you saw as 'after' to continue. " +
        "The format and how to verify it: src/OpenAid.Data/Audit/FORMAT.md.";

    public static async Task WriteAsync(HttpContext http, OpenData openData, ExportGate gate, ClientRateLimiter limiter)
    {
        var (after, error) = After(http.Request.Query);
        if (error is not null)
        {
            await OpenDataEndpoints.WriteErrorAsync(http, openData, StatusCodes.Status400BadRequest, error);
            return;
        }

        using var slot = gate.TryEnter();
        if (slot is null)
        {
            await OpenDataEndpoints.WriteBusyAsync(http, openData, gate);
            return;
        }

        var ct = http.RequestAborted;
        var db = http.RequestServices.GetRequiredService<OpenAidDbContext>();
        try
        {
            // Read before the entries: the file holds at least every entry as of this time (entries are only ever appended).
            var dataAsOf = (await ReportQueries.DataAsOfAsync(db, ct)).ToString("O", CultureInfo.InvariantCulture);
            http.Response.ContentType = ExportFormat.Ndjson.ContentType;
            OpenDataEndpoints.SetDownloadHeaders(http, after == 0 ? "openaid-audit.ndjson" : $"openaid-audit-after-{after}.ndjson", dataAsOf);
            var written = await AuditPublication.WriteAsync(db, http.Response.Body, after, ct);
            await limiter.ChargeRowsAsync(http.User, http.Connection.RemoteIpAddress, written.Entries);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>The 'after' parameter: a sequence (0 or more; none means from the start). Any other parameter is refused, as other exports refuse unknown filters.</summary>
    private static (long After, ExecutionError? Error) After(IQueryCollection query)
    {
        long after = 0;
        foreach (var (name, values) in query)
        {
            if (values.All(string.IsNullOrEmpty))
            {
                // An empty form field means no filter, as in the other exports.
                continue;
            }

            if (name != "after")
            {
                return (0, ApiErrors.InvalidArgument(name, "the audit export takes 'after' (a sequence) only."));
            }

            if (values.Count != 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                return (0, ApiErrors.InvalidArgument(name, $"give one sequence number (0 or more), e.g. ?after=1200; it was '{values}'."));
            }
        }

        return (after, null);
    }
}
