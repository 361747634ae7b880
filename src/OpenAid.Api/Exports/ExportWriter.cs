namespace OpenAid.Api.Exports;

/// <summary>
/// Writes an export to a stream page by page: each page's rows go out (and are flushed) before the next page is
/// fetched, so the server holds one page at a time however many rows the export has.
/// </summary>
public static class ExportWriter
{
    /// <param name="headers">The header row, one per column (CSV, XLSX); the column names when not given.</param>
    public static async Task<ExportTotals> WriteAsync(
        Stream output, ExportFormat format, IReadOnlyList<BoundColumn> columns, IAsyncEnumerable<ExportPage> pages, CancellationToken ct, IReadOnlyList<string>? headers = null)
    {
        long rows = 0;
        string? lastCursor = null;

        async IAsyncEnumerable<ExportPage> Counted()
        {
            await foreach (var page in pages.WithCancellation(ct))
            {
                rows += page.Nodes.GetArrayLength();
                lastCursor = page.EndCursor ?? lastCursor;
                yield return page;
            }
        }

        await format.WriteAsync(output, columns, headers ?? [.. columns.Select(c => c.Name)], Counted(), ct);
        return new ExportTotals(rows, lastCursor);
    }
}

/// <summary>How many rows an export wrote, and the cursor after its last row (to continue the changes feed from).</summary>
public sealed record ExportTotals(long Rows, string? LastCursor);
