using System.Buffers;

namespace OpenAid.Api.Exports;

/// <summary>
/// Writes an export to a stream page by page: each page's rows go out (and are flushed) before the next page is
/// fetched, so the server holds one page at a time however many rows the export has.
/// </summary>
public static class ExportWriter
{
    public static async Task<ExportTotals> WriteAsync(
        Stream output, ExportFormat format, IReadOnlyList<BoundColumn> columns, IAsyncEnumerable<ExportPage> pages, CancellationToken ct)
    {
        // The start (e.g. the CSV header) goes out with the first page, which every export has, if empty.
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        format.WriteStart(buffer, columns);
        long rows = 0;
        string? lastCursor = null;
        await foreach (var page in pages.WithCancellation(ct))
        {
            rows += format.WritePage(buffer, columns, page);
            lastCursor = page.EndCursor ?? lastCursor;
            await output.WriteAsync(buffer.WrittenMemory, ct);
            await output.FlushAsync(ct);
            buffer.ResetWrittenCount();
        }

        return new ExportTotals(rows, lastCursor);
    }
}

/// <summary>How many rows an export wrote, and the cursor after its last row (to continue the changes feed from).</summary>
public sealed record ExportTotals(long Rows, string? LastCursor);
