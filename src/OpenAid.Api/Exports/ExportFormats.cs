using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace OpenAid.Api.Exports;

/// <summary>
/// How an export is written: CSV, newline-delimited JSON or XLSX. Every format writes into a buffer and sends it (and
/// flushes) after each page, before the next page is fetched, so an export holds one page however long it is.
/// </summary>
public abstract class ExportFormat
{
    public static readonly ExportFormat Csv = new CsvFormat();
    public static readonly ExportFormat Ndjson = new NdjsonFormat();
    public static readonly ExportFormat Xlsx = new XlsxFormat();

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Ndjson, Xlsx];

    /// <summary>The file extension, which is also how a URL names the format: "csv", "ndjson" or "xlsx".</summary>
    public abstract string Extension { get; }

    public abstract string ContentType { get; }

    /// <summary>Whether the file starts with a header row, which can be in Chinese or English (<see cref="ExportLanguage"/>).</summary>
    public abstract bool HasHeaderRow { get; }

    public static ExportFormat? Find(string extension) => All.FirstOrDefault(f => f.Extension == extension);

    /// <summary>Writes every page's rows under a header row of <paramref name="headers"/> (one per column), a page at a time.</summary>
    public abstract Task WriteAsync(Stream output, IReadOnlyList<BoundColumn> columns, IReadOnlyList<string> headers, IAsyncEnumerable<ExportPage> pages, CancellationToken ct);

    /// <summary>Sends what the buffer holds and flushes it: the end of a page.</summary>
    protected static async Task SendAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken ct)
    {
        await output.WriteAsync(buffer.WrittenMemory, ct);
        await output.FlushAsync(ct);
        buffer.ResetWrittenCount();
    }

    /// <summary>The values at a column's path in a node: none for a null on the way, several through a list field.</summary>
    protected static List<JsonElement> Values(JsonElement node, BoundColumn column)
    {
        var found = new List<JsonElement>();
        Walk(node, column.Column.Segments, 0, found);
        return found;
    }

    /// <summary>A value as text, as CSV writes it and XLSX writes a text cell: strings as they are, other values in JSON.</summary>
    protected static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static void Walk(JsonElement element, string[] path, int index, List<JsonElement> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, path, index, found);
            }
        }
        else if (index == path.Length)
        {
            if (element.ValueKind != JsonValueKind.Null)
            {
                found.Add(element);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(path[index], out var child))
        {
            Walk(child, path, index + 1, found);
        }
    }

    /// <summary>A format written row by row into the page's buffer: CSV and NDJSON.</summary>
    private abstract class RowFormat : ExportFormat
    {
        public override async Task WriteAsync(Stream output, IReadOnlyList<BoundColumn> columns, IReadOnlyList<string> headers, IAsyncEnumerable<ExportPage> pages, CancellationToken ct)
        {
            // The start (e.g. the CSV header) goes out with the first page, which every export has, if empty.
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            WriteStart(buffer, headers);
            await foreach (var page in pages.WithCancellation(ct))
            {
                foreach (var node in page.Nodes.EnumerateArray())
                {
                    WriteRow(buffer, columns, node);
                }

                await SendAsync(buffer, output, ct);
            }
        }

        /// <summary>What comes before the first row (CSV: the byte order mark and the header line).</summary>
        protected abstract void WriteStart(IBufferWriter<byte> output, IReadOnlyList<string> headers);

        protected abstract void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node);
    }

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel reads Chinese text correctly; CRLF line ends,
    /// fields quoted when they hold a comma, quote or line break. Values are written as GraphQL answers them
    /// (dates ISO 8601, amounts as exact decimals); several values in one cell are joined with "; ". A text cell that a
    /// spreadsheet would read as a formula is prefixed with ' (<see cref="CsvCells"/>).
    /// </summary>
    private sealed class CsvFormat : RowFormat
    {
        public override string Extension => "csv";

        public override string ContentType => "text/csv; charset=utf-8; header=present";

        public override bool HasHeaderRow => true;

        protected override void WriteStart(IBufferWriter<byte> output, IReadOnlyList<string> headers)
        {
            output.Write(Encoding.UTF8.Preamble);
            WriteLine(output, headers);
        }

        protected override void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node) =>
            WriteLine(output, columns.Select(c => Cell(c, string.Join("; ", Values(node, c).Select(Text)))));

        private static string Cell(BoundColumn column, string text) => CsvCells.IsText(column) ? CsvCells.Neutralise(text) : text;

        private static void WriteLine(IBufferWriter<byte> output, IEnumerable<string> fields)
        {
            var line = string.Join(',', fields.Select(Quote)) + "\r\n";
            Encoding.UTF8.GetBytes(line, output);
        }

        private static string Quote(string field) =>
            field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>
    /// One JSON object per line (https://github.com/ndjson/ndjson-spec), keyed by the column names: numbers as
    /// numbers, several values as an array, a missing value as null. Chinese text is written as is, not escaped.
    /// </summary>
    private sealed class NdjsonFormat : RowFormat
    {
        // Served as application/x-ndjson, never inlined in HTML: only what JSON itself requires is escaped.
        internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public override string Extension => "ndjson";

        public override string ContentType => "application/x-ndjson; charset=utf-8";

        // Keyed by the column names, always: NDJSON is for programs.
        public override bool HasHeaderRow => false;

        protected override void WriteStart(IBufferWriter<byte> output, IReadOnlyList<string> headers)
        {
        }

        protected override void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node)
        {
            using (var writer = new Utf8JsonWriter(output, WriterOptions))
            {
                writer.WriteStartObject();
                foreach (var column in columns)
                {
                    writer.WritePropertyName(column.Name);
                    var values = Values(node, column);
                    if (column.Multiple)
                    {
                        writer.WriteStartArray();
                        values.ForEach(v => WriteValue(writer, v));
                        writer.WriteEndArray();
                    }
                    else if (values.Count == 0)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteValue(writer, values[0]);
                    }
                }

                writer.WriteEndObject();
            }

            output.Write("\n"u8);
        }

        private static void WriteValue(Utf8JsonWriter writer, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                // Re-encoded with this writer's encoder, so that Chinese is not \u-escaped.
                writer.WriteStringValue(value.GetString());
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }

    /// <summary>
    /// Office Open XML spreadsheets, written by MiniExcel as the rows arrive: one sheet of the list under a frozen,
    /// filterable header row. Text columns (String, ID, enums, dates and times in ISO 8601) are text cells, so that a
    /// region code such as 451027205214 or a credit code is never turned into a number; Int, Long and Float columns and
    /// the amounts in yuan (…_yuan) are number cells, Boolean columns boolean cells. A text cell is a value, never a
    /// formula, whatever it starts with: no apostrophe is added (unlike CSV), the text is exactly what GraphQL answered.
    /// </summary>
    private sealed class XlsxFormat : ExportFormat
    {
        // Smaller than MiniExcel's default (512 K characters), so that each page's rows reach the buffer with the page.
        private const int WriterBufferSize = 16 * 1024;

        public override string Extension => "xlsx";

        public override string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        public override bool HasHeaderRow => true;

        public override async Task WriteAsync(Stream output, IReadOnlyList<BoundColumn> columns, IReadOnlyList<string> headers, IAsyncEnumerable<ExportPage> pages, CancellationToken ct)
        {
            // MiniExcel 1.46.0's asynchronous writer puts the sheet's <drawing> inside <sheetData>, which Excel reports as
            // damaged; its synchronous writer does not. So it runs on a thread of its own (exports are few at once,
            // ExportGate), writing into the page's buffer, and the reader waits for each page and sends the buffer after it.
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            await Task.Factory.StartNew(
                () =>
                {
                    using var sink = new BufferStream(buffer);
                    using var reader = new PageReader(columns, headers, pages, () => SendAsync(buffer, output, ct), ct);
                    var configuration = new OpenXmlConfiguration { BufferSize = WriterBufferSize, FastMode = false, EnableAutoWidth = false };
                    sink.SaveAs(reader, printHeader: true, sheetName: "data", configuration: configuration);
                },
                ct,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            await SendAsync(buffer, output, ct);
        }

        /// <summary>The cell of a column: text, a number or a boolean as the column's type says; null for an empty cell.</summary>
        private static object? Cell(BoundColumn column, JsonElement node)
        {
            var values = Values(node, column);
            if (column.Multiple)
            {
                return string.Join("; ", values.Select(Text));
            }

            if (values.Count == 0)
            {
                return null;
            }

            var value = values[0];
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.String when IsYuan(column) && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) => yuan,
                _ => Text(value),
            };
        }

        /// <summary>An amount in yuan (Money.yuan), which GraphQL gives as exact decimal text: a number in a spreadsheet.</summary>
        private static bool IsYuan(BoundColumn column) => column.Column.Segments[^1] == "yuan";

        /// <summary>
        /// The pages as MiniExcel reads them: a data reader whose rows are the nodes. It is read on the writer's own
        /// thread, which waits for each page to be fetched and for the previous one to be sent.
        /// </summary>
        private sealed class PageReader(
            IReadOnlyList<BoundColumn> columns, IReadOnlyList<string> headers, IAsyncEnumerable<ExportPage> pages, Func<Task> pageWritten, CancellationToken ct)
            : MiniExcelDataReaderBase
        {
            private IAsyncEnumerator<ExportPage>? _pages;
            private JsonElement.ArrayEnumerator _rows;
            private bool _inPage;
            private object?[] _cells = [];

            public override int FieldCount => columns.Count;

            public override string GetName(int i) => headers[i];

            public override object GetValue(int i) => _cells[i]!;

            public override bool Read() => NextAsync().GetAwaiter().GetResult();

            protected override void Dispose(bool disposing)
            {
                if (disposing && _pages is not null)
                {
                    // Disposes the page being read (ExportRunner's iterator) when the writer stops early.
                    _pages.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }

                base.Dispose(disposing);
            }

            private async Task<bool> NextAsync()
            {
                while (true)
                {
                    if (_inPage && _rows.MoveNext())
                    {
                        _cells = [.. columns.Select(c => Cell(c, _rows.Current))];
                        return true;
                    }

                    if (_inPage)
                    {
                        // Every row of the page has been handed to the writer: send them before the next page is fetched.
                        await pageWritten();
                    }

                    _pages ??= pages.GetAsyncEnumerator(ct);
                    _inPage = await _pages.MoveNextAsync();
                    if (!_inPage)
                    {
                        return false;
                    }

                    _rows = _pages.Current.Nodes.EnumerateArray();
                }
            }
        }

        /// <summary>A write-only stream into the page's buffer.</summary>
        private sealed class BufferStream(ArrayBufferWriter<byte> buffer) : Stream
        {
            private long _written;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _written; set => throw new NotSupportedException(); }

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> bytes)
            {
                buffer.Write(bytes);
                _written += bytes.Length;
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                Write(buffer.AsSpan(offset, count));
                return Task.CompletedTask;
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
            {
                Write(bytes.Span);
                return ValueTask.CompletedTask;
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
