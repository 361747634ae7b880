using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;

namespace OpenAid.Api.Exports;

/// <summary>
/// The content of /export/dump.zip: every list as NDJSON in one zip, with LICENSE.txt, README.txt and metadata.json
/// (dataAsOf, the columns of each file, row counts, and the changes cursor to mirror from). Reads as an anonymous
/// reader: public data only. DumpStore builds it once per data version and serves the file.
/// </summary>
public static class DumpArchive
{
    /// <summary>One file of the dump: a list, exported once per set of arguments (regions: once per level).</summary>
    private sealed record DumpFile(string FileName, BoundExportList List, IReadOnlyList<Dictionary<string, object?>> Runs);

    public const string LicenseText = """
        OpenAid open data · 公开扶贫开放数据
        =====================================

        Licence: Creative Commons Attribution 4.0 International (CC BY 4.0)
        https://creativecommons.org/licenses/by/4.0/

        You may share (copy and redistribute in any medium or format) and adapt (remix, transform and
        build upon) this data for any purpose, even commercially, provided that you give appropriate
        credit — e.g. "Source: OpenAid (公开扶贫), data as of <dataAsOf>" —, link to the licence, and say
        whether you made changes. You may not add legal or technological restrictions that stop others
        from doing what the licence permits. This is a summary, not the licence; the legal code is at
        https://creativecommons.org/licenses/by/4.0/legalcode

        本数据采用知识共享署名 4.0 国际许可协议（CC BY 4.0）发布。您可以为任何目的（包括商业目的）
        复制、分发、改编本数据，但须注明出处（例如"来源：OpenAid 公开扶贫，数据截至 <dataAsOf>"）、
        附上许可协议链接，并说明是否作了修改。

        Demonstration data · 演示数据
        -----------------------------
        Records with "is_demo": true (and texts marked "（演示数据）") are generated demonstration data.
        They are NOT real: do not report them as facts. Place names and statistical region codes are real.
        标记为 is_demo = true 或文字中含"（演示数据）"的记录是系统生成的演示数据，并非真实数据，请勿作为事实引用。
        地名与统计用区划代码是真实的。
        """;

    public const string ReadmeText = """
        OpenAid open data dump
        ======================

        One file per list of the OpenAid GraphQL API, in newline-delimited JSON (one record per line,
        UTF-8): notices, funds, projects, transactions, organizations, regions (every level), programs,
        pairings, needs and pledges (once the API has them), deliveries (of pledges), objections (their
        public fields only) and changes (the public audit trail's entries, oldest first).

        metadata.json says when the data is from (dataAsOf), lists each file's columns with their
        descriptions, and gives changesCursor: to keep a mirror up to date, fetch
        /export/changes.ndjson?after=<changesCursor> (or the GraphQL field changes(after:)) and load the
        records it names with node(id:).

        Amounts: *_yuan is a decimal string with two decimals, *_fen the exact integer in fen
        (1 yuan = 100 fen). Never add different transaction kinds together. Dates are ISO 8601.
        The same lists, filtered, are at /export as CSV, NDJSON and XLSX. Licence: see LICENSE.txt.

        audit/ holds what proves the audit trail was not rewritten: checkpoints.ndjson, the signed
        checkpoints (the last one at the dump's head), and keys.json, every public key that signed them.
        Keep this dump: a later one must extend its checkpoints (./run.sh verify <new> --against <this>).
        """;

    /// <summary>Writes the dump to <paramref name="output"/> and returns the dataAsOf it started from and the rows it holds.</summary>
    /// <exception cref="ExportFailedException">A list could not be read.</exception>
    public static async Task<(string DataAsOf, long Rows)> BuildAsync(Stream output, OpenData openData, IServiceProvider services, CancellationToken ct)
    {
        var reader = new ClaimsPrincipal(new ClaimsIdentity());
        string? dataAsOf = null, lastDataAsOf = null, changesCursor = null;
        long totalRows = 0;
        var written = new List<object>();
        await using var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct);
        var audit = await DumpAudit.WriteAsync(archive, services, ct);
        foreach (var file in Plan(openData))
        {
            long rows = 0;
            await using (var entry = await archive.CreateEntry(file.FileName, CompressionLevel.Optimal).OpenAsync(ct))
            {
                foreach (var run in file.Runs)
                {
                    var (start, failure) = await openData.Runner.StartAsync(file.List, run, reader, ct);
                    if (failure is not null)
                    {
                        throw new ExportFailedException($"{file.FileName}: " + string.Join("; ", failure.Errors?.Select(e => e.Message) ?? []));
                    }

                    dataAsOf ??= start!.DataAsOf;
                    lastDataAsOf = start!.DataAsOf;
                    var totals = await ExportWriter.WriteAsync(entry, ExportFormat.Ndjson, file.List.Columns, start.Pages, ct);
                    rows += totals.Rows;
                    changesCursor = file.List.List == ExportCatalog.Changes ? totals.LastCursor ?? changesCursor : changesCursor;
                }
            }

            totalRows += rows;
            written.Add(new { name = file.FileName, rows, list = OpenData.Describe(file.List, basePath: null) });
        }

        await WriteTextAsync(archive, "LICENSE.txt", LicenseText, ct);
        await WriteTextAsync(archive, "README.txt", ReadmeText, ct);
        var metadata = new
        {
            title = "OpenAid open data dump",
            dataAsOf,
            // The lists are read one after another, not in one transaction: when these differ, data changed during the dump.
            dataAsOfAtEnd = lastDataAsOf,
            consistent = dataAsOf == lastDataAsOf,
            generatedAt = openData.Clock.GetUtcNow(),
            license = new { name = OpenData.License, url = OpenData.LicenseUrl },
            demoData = "Records with is_demo = true are generated demonstration data: they are not real.",
            changesCursor,
            audit,
            files = written,
        };
        await WriteTextAsync(archive, MetadataFile, JsonSerializer.Serialize(metadata, OpenData.JsonOptions), ct);
        return (dataAsOf!, totalRows);
    }

    /// <summary>The dump's metadata entry, which holds its dataAsOf.</summary>
    public const string MetadataFile = "metadata.json";

    /// <summary>extensions.code when the dump could not be built.</summary>
    public const string DumpFailedCode = "DUMP_FAILED";

    /// <summary>Every list unfiltered; regions once per level, since the unfiltered regions field lists the provinces only.</summary>
    private static List<DumpFile> Plan(OpenData openData) =>
        [.. openData.Lists.Values.Select(list => new DumpFile(
            $"{list.Name}.ndjson",
            list,
            list.List == ExportCatalog.Regions && list.Filters.FirstOrDefault(f => f.Name == "level")?.NamedType is EnumerationGraphType levels
                ? [.. levels.Values.OrderBy(v => Convert.ToInt32(v.Value, CultureInfo.InvariantCulture)).Select(v => new Dictionary<string, object?> { ["level"] = v.Name })]
                : [[]]))];

    private static async Task WriteTextAsync(ZipArchive archive, string name, string text, CancellationToken ct)
    {
        await using var stream = await archive.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), ct);
    }
}
