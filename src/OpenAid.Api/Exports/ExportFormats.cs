using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenAid.Api.Exports;

/// <summary>How export rows are written: CSV or newline-delimited JSON, one page of rows at a time into a buffer.</summary>
public abstract class ExportFormat
{
    public static readonly ExportFormat Csv = new CsvFormat();
    public static readonly ExportFormat Ndjson = new NdjsonFormat();

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Ndjson];

    /// <summary>The file extension, which is also how a URL names the format: "csv" or "ndjson".</summary>
    public abstract string Extension { get; }

    public abstract string ContentType { get; }

    public static ExportFormat? Find(string extension) => All.FirstOrDefault(f => f.Extension == extension);

    /// <summary>What comes before the first row (CSV: the byte order mark and the header line).</summary>
    public abstract void WriteStart(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns);

    public abstract void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node);

    /// <summary>Writes every row of a page and returns how many there were.</summary>
    public int WritePage(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, ExportPage page)
    {
        var rows = 0;
        foreach (var node in page.Nodes.EnumerateArray())
        {
            WriteRow(output, columns, node);
            rows++;
        }

        return rows;
    }

    /// <summary>The values at a column's path in a node: none for a null on the way, several through a list field.</summary>
    protected static List<JsonElement> Values(JsonElement node, BoundColumn column)
    {
        var found = new List<JsonElement>();
        Walk(node, column.Column.Segments, 0, found);
        return found;
    }

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

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel reads Chinese text correctly; CRLF line ends,
    /// fields quoted when they hold a comma, quote or line break. Values are written as GraphQL answers them
    /// (dates ISO 8601, amounts as exact decimals); several values in one cell are joined with "; ". A text cell that a
    /// spreadsheet would read as a formula is prefixed with ' (<see cref="CsvCells"/>).
    /// </summary>
    private sealed class CsvFormat : ExportFormat
    {
        public override string Extension => "csv";

        public override string ContentType => "text/csv; charset=utf-8; header=present";

        public override void WriteStart(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns)
        {
            output.Write(Encoding.UTF8.Preamble);
            WriteLine(output, columns.Select(c => c.Name));
        }

        public override void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node) =>
            WriteLine(output, columns.Select(c => Cell(c, string.Join("; ", Values(node, c).Select(Text)))));

        private static string Cell(BoundColumn column, string text) => CsvCells.IsText(column) ? CsvCells.Neutralise(text) : text;

        private static void WriteLine(IBufferWriter<byte> output, IEnumerable<string> fields)
        {
            var line = string.Join(',', fields.Select(Quote)) + "\r\n";
            Encoding.UTF8.GetBytes(line, output);
        }

        private static string Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };

        private static string Quote(string field) =>
            field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>
    /// One JSON object per line (https://github.com/ndjson/ndjson-spec), keyed by the column names: numbers as
    /// numbers, several values as an array, a missing value as null. Chinese text is written as is, not escaped.
    /// </summary>
    private sealed class NdjsonFormat : ExportFormat
    {
        // Served as application/x-ndjson, never inlined in HTML: only what JSON itself requires is escaped.
        internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public override string Extension => "ndjson";

        public override string ContentType => "application/x-ndjson; charset=utf-8";

        public override void WriteStart(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns)
        {
        }

        public override void WriteRow(IBufferWriter<byte> output, IReadOnlyList<BoundColumn> columns, JsonElement node)
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
}
