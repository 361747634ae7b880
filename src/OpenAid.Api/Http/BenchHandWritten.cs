using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpenAid.Data;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Http;

/// <summary>
/// The benchmark's second ceiling (bench/README.md, only with "Bench:Ceiling" on, on SQLite): each query of the mix
/// (bench/queries.mjs) answered by hand, with plain SQL through Microsoft.Data.Sqlite and Utf8JsonWriter, no EF and no
/// GraphQL, as the same JSON the GraphQL endpoint answers (BenchHandWrittenTests keeps them equal). What the GraphQL
/// answer costs beyond it is the cost of our layers. GET /bench/hand/{scenario}?variables={json}.
/// </summary>
public static class BenchHandWritten
{
    private delegate Task Scenario(SqliteConnection db, JsonElement variables, Utf8JsonWriter json);

    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["county-notices"] = CountyNoticesAsync,
        ["notice"] = NoticeAsync,
        ["village"] = VillageAsync,
        ["program"] = ProgramAsync,
        ["organization"] = OrganizationAsync,
        ["province-money"] = ProvinceMoneyAsync,
    };

    public static void MapBenchHandWritten(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        app.MapGet("/bench/hand/{scenario}", async (HttpContext http, string scenario, string variables) =>
        {
            if (!Scenarios.TryGetValue(scenario, out var answer))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            using var parsed = JsonDocument.Parse(variables);
            await using var db = new SqliteConnection(database.ConnectionString);
            await db.OpenAsync(http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            // Unescaped non-ASCII text, as the GraphQL endpoint writes it.
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteStartObject("data");
            await answer(db, parsed.RootElement, json);
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(http.RequestAborted);
        });
    }

    // ---- the scenarios, field for field as bench/queries.mjs selects them

    private static async Task CountyNoticesAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        var region = Region(variables, "region");
        var year = variables.GetProperty("year").GetInt32();
        const string Where = "FROM Notices n WHERE n.Status <> $draft AND n.RegionCode >= $start AND n.RegionCode < $end AND n.PublishedOn >= $from AND n.PublishedOn < $to";
        object[] parameters = ["$draft", (int)NoticeStatus.Draft, "$start", region.SubtreeStart, "$end", region.SubtreeEnd, "$from", $"{year:D4}-01-01", "$to", $"{year + 1:D4}-01-01"];
        json.WriteStartObject("notices");
        json.WriteNumber("totalCount", await ScalarAsync(db, $"SELECT COUNT(*) {Where}", parameters));
        json.WriteStartArray("nodes");
        var last = (long?)null;
        var rows = 0;
        await using (var reader = await ReadAsync(db, $"""
            SELECT n.Id, n.Code, n.Title, n.Kind, n.Status, n.PublishedOn, n.WorkingDaysLate > 0, r.Name, o.Name {Where.Replace("FROM Notices n", "FROM Notices n JOIN Regions r ON r.Code = n.RegionCode JOIN Organizations o ON o.Id = n.PublisherOrganizationId", StringComparison.Ordinal)}
            ORDER BY n.Id DESC LIMIT {PageSize + 1}
            """, parameters))
        {
            while (await reader.ReadAsync() && ++rows <= PageSize)
            {
                last = reader.GetInt64(0);
                json.WriteStartObject();
                json.WriteString("code", reader.GetString(1));
                json.WriteString("title", reader.GetString(2));
                json.WriteString("kind", EnumName<NoticeKind>(reader.GetInt32(3)));
                json.WriteString("status", EnumName<NoticeStatus>(reader.GetInt32(4)));
                WriteNullableString(json, "publishedOn", reader, 5);
                json.WriteBoolean("isLate", reader.GetBoolean(6));
                WriteName(json, "region", reader.GetString(7));
                WriteName(json, "publisher", reader.GetString(8));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", rows > PageSize);
        if (last is { } id)
        {
            json.WriteString("endCursor", Cursor(id));
        }
        else
        {
            json.WriteNull("endCursor");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static async Task NoticeAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        long id, regionCode;
        await using (var reader = await ReadAsync(db, """
            SELECT n.Id, n.Code, n.Title, n.Kind, n.Status, n.Body, n.DecidedOn, n.PublishedOn, date(n.PublishedOn, '+' || n.NoticePeriodDays || ' days'), n.WorkingDaysLate > 0, n.WorkingDaysLate,
                   n.SupervisionPhone, n.RegionCode, o.Code, o.Name
            FROM Notices n JOIN Organizations o ON o.Id = n.PublisherOrganizationId
            WHERE n.Code = $code AND n.Status <> $draft LIMIT 1
            """, "$code", variables.GetProperty("code").GetString()!.Trim(), "$draft", (int)NoticeStatus.Draft))
        {
            if (!await reader.ReadAsync())
            {
                json.WriteNull("notice");
                return;
            }

            (id, regionCode) = (reader.GetInt64(0), reader.GetInt64(12));
            json.WriteStartObject("notice");
            json.WriteString("code", reader.GetString(1));
            json.WriteString("title", reader.GetString(2));
            json.WriteString("kind", EnumName<NoticeKind>(reader.GetInt32(3)));
            json.WriteString("status", EnumName<NoticeStatus>(reader.GetInt32(4)));
            json.WriteString("body", reader.GetString(5));
            json.WriteString("decidedOn", reader.GetString(6));
            WriteNullableString(json, "publishedOn", reader, 7);
            WriteNullableString(json, "noticePeriodEndsOn", reader, 8);
            json.WriteBoolean("isLate", reader.GetBoolean(9));
            json.WriteNumber("workingDaysLate", reader.GetInt32(10));
            json.WriteString("supervisionPhone", reader.GetString(11));
            await WriteRegionAsync(db, json, regionCode, shortCode: true);
            json.WriteStartObject("publisher");
            json.WriteString("code", reader.GetString(13));
            json.WriteString("name", reader.GetString(14));
            json.WriteEndObject();
        }

        await WriteRowsAsync(db, json, "funds", row => WriteSubject(json, row, ("documentNumber", row.GetString(2)), "amount", "issuer"), """
            SELECT f.Code, f.Name, f.DocumentNumber, f.AmountFen, o.Name
            FROM NoticeFunds x JOIN Funds f ON f.Id = x.FundId JOIN Organizations o ON o.Id = f.IssuerOrganizationId
            WHERE x.NoticeId = $id ORDER BY x.FundId
            """, "$id", id);
        await WriteRowsAsync(db, json, "projects", row => WriteSubject(json, row, ("status", EnumName<ProjectStatus>(row.GetInt32(2))), "budget", "implementingOrganization"), """
            SELECT p.Code, p.Name, p.Status, p.BudgetFen, o.Name
            FROM NoticeProjects x JOIN Projects p ON p.Id = x.ProjectId JOIN Organizations o ON o.Id = p.ImplementingOrganizationId
            WHERE x.NoticeId = $id ORDER BY x.ProjectId
            """, "$id", id);
        json.WriteEndObject();
    }

    private static async Task VillageAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        var code = Region(variables, "code");
        await using (var reader = await ReadAsync(db, "SELECT Code, Name, Level, PovertyStatus, PlannedExitYear, ActualExitYear FROM Regions WHERE Code = $code", "$code", code.Value))
        {
            if (!await reader.ReadAsync())
            {
                json.WriteNull("region");
            }
            else
            {
                var region = RegionCode.Of(reader.GetInt64(0));
                json.WriteStartObject("region");
                json.WriteString("code", region.ToString());
                json.WriteString("name", reader.GetString(1));
                json.WriteString("level", EnumName<RegionLevel>(reader.GetInt32(2)));
                json.WriteString("povertyStatus", EnumName<PovertyStatus>(reader.GetInt32(3)));
                WriteNullableInt(json, "plannedExitYear", reader, 4);
                WriteNullableInt(json, "actualExitYear", reader, 5);
                await WriteAncestorsAsync(db, json, region, shortCode: true);
                await WriteRowsAsync(db, json, "statistics", row =>
                {
                    json.WriteNumber("year", row.GetInt32(0));
                    json.WriteNumber("population", row.GetInt32(1));
                    json.WriteNumber("poorHouseholds", row.GetInt32(2));
                    json.WriteNumber("poorPeople", row.GetInt32(3));
                    var basisPoints = VillageStatistics.IncidenceBasisPoints(row.GetInt32(3), row.GetInt32(1));
                    json.WriteString("povertyIncidencePercent", (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture));
                    WriteMoney(json, "perCapitaDisposableIncome", row.GetInt64(4));
                }, """
                    SELECT Year, Population, PoorHouseholds, PoorPeople, PerCapitaDisposableIncomeFen FROM VillageStatistics WHERE RegionCode = $code ORDER BY Year
                    """, "$code", region.Value);
                json.WriteEndObject();
            }
        }

        const string Where = "FROM Projects WHERE RegionCode >= $start AND RegionCode < $end";
        object[] within = ["$start", code.SubtreeStart, "$end", code.SubtreeEnd];
        json.WriteStartObject("projects");
        json.WriteNumber("totalCount", await ScalarAsync(db, $"SELECT COUNT(*) {Where}", within));
        await WriteRowsAsync(db, json, "nodes", row =>
        {
            json.WriteString("code", row.GetString(0));
            json.WriteString("name", row.GetString(1));
            json.WriteString("status", EnumName<ProjectStatus>(row.GetInt32(2)));
            WriteMoney(json, "budget", row.GetInt64(3));
        }, $"SELECT Code, Name, Status, BudgetFen {Where} ORDER BY Id DESC LIMIT 10", within);
        json.WriteEndObject();
    }

    private static async Task ProgramAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        var code = variables.GetProperty("code").GetString()!.Trim();
        long? programId = null;
        await using (var reader = await ReadAsync(db, "SELECT Id, Code, Name, Description, StartYear FROM Programs WHERE Code = $code LIMIT 1", "$code", code))
        {
            if (!await reader.ReadAsync())
            {
                json.WriteNull("program");
            }
            else
            {
                programId = reader.GetInt64(0);
                json.WriteStartObject("program");
                json.WriteString("code", reader.GetString(1));
                json.WriteString("name", reader.GetString(2));
                json.WriteString("description", reader.GetString(3));
                json.WriteNumber("startYear", reader.GetInt32(4));
            }
        }

        if (programId is { } id)
        {
            const string Members = "FROM ProgramMemberships m JOIN Organizations o ON o.Id = m.OrganizationId WHERE m.ProgramId = $id AND m.LeftOn IS NULL";
            json.WriteStartObject("members");
            json.WriteNumber("totalCount", await ScalarAsync(db, $"SELECT COUNT(*) {Members}", "$id", id));
            await WriteRowsAsync(db, json, "nodes", row =>
            {
                json.WriteString("code", row.GetString(0));
                json.WriteString("name", row.GetString(1));
                json.WriteString("kind", EnumName<OrganizationKind>(row.GetInt32(2)));
            }, $"SELECT o.Code, o.Name, o.Kind {Members} ORDER BY o.Id DESC LIMIT 10", "$id", id);
            json.WriteEndObject();
            json.WriteStartObject("pairings");
            json.WriteNumber("totalCount", await ScalarAsync(db, "SELECT COUNT(*) FROM Pairings WHERE ProgramId = $id", "$id", id));
            await WriteRowsAsync(db, json, "nodes", row =>
            {
                json.WriteString("code", row.GetString(0));
                json.WriteNumber("startYear", row.GetInt32(1));
                WriteMoney(json, "yearlyBudget", row.GetInt64(2));
                WriteName(json, "helpedRegion", row.GetString(3));
                if (row.IsDBNull(4))
                {
                    json.WriteNull("helperOrganization");
                }
                else
                {
                    WriteName(json, "helperOrganization", row.GetString(4));
                }

            }, """
                SELECT p.Code, p.StartYear, p.YearlyBudgetFen, r.Name, o.Name
                FROM Pairings p JOIN Regions r ON r.Code = p.HelpedRegionCode LEFT JOIN Organizations o ON o.Id = p.HelperOrganizationId
                WHERE p.ProgramId = $id ORDER BY p.Id DESC LIMIT 20
                """, "$id", id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        // pairings(program:) counts the pairings of the program's id, none when no program has the code.
        json.WriteStartObject("pairings");
        json.WriteNumber("totalCount", programId is null ? 0 : await ScalarAsync(db, "SELECT COUNT(*) FROM Pairings WHERE ProgramId = $id", "$id", programId));
        json.WriteEndObject();
    }

    private static async Task OrganizationAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        var code = variables.GetProperty("code").GetString()!.Trim();
        long id;
        long? regionCode;
        await using (var reader = await ReadAsync(db, "SELECT Id, Code, Name, Kind, CreditCode, Description, RegionCode FROM Organizations WHERE Code = $code OR CreditCode = $code LIMIT 1", "$code", code))
        {
            if (!await reader.ReadAsync())
            {
                json.WriteNull("organization");
                return;
            }

            (id, regionCode) = (reader.GetInt64(0), reader.IsDBNull(6) ? null : reader.GetInt64(6));
            json.WriteStartObject("organization");
            json.WriteString("code", reader.GetString(1));
            json.WriteString("name", reader.GetString(2));
            json.WriteString("kind", EnumName<OrganizationKind>(reader.GetInt32(3)));
            WriteNullableString(json, "creditCode", reader, 4);
            WriteNullableString(json, "description", reader, 5);
        }

        if (regionCode is { } home)
        {
            await WriteRegionAsync(db, json, home, shortCode: true, ancestorShortCodes: false);
        }
        else
        {
            json.WriteNull("region");
        }

        await WriteRowsAsync(db, json, "programs", row =>
        {
            json.WriteString("code", row.GetString(0));
            json.WriteString("name", row.GetString(1));
        }, """
            SELECT p.Code, p.Name FROM ProgramMemberships m JOIN Programs p ON p.Id = m.ProgramId WHERE m.OrganizationId = $id AND m.LeftOn IS NULL
            """, "$id", id);
        json.WriteEndObject();
    }

    private static async Task ProvinceMoneyAsync(SqliteConnection db, JsonElement variables, Utf8JsonWriter json)
    {
        var region = Region(variables, "region");
        await WriteRowsAsync(db, json, "moneySummary", row =>
        {
            json.WriteNumber("year", row.GetInt32(2));
            json.WriteString("sourceType", EnumName<FundSourceType>(row.GetInt32(1)));
            json.WriteString("kind", EnumName<TransactionKind>(row.GetInt32(0)));
            json.WriteNumber("count", row.GetInt32(4));
            WriteMoney(json, "amount", row.GetInt64(3));
        }, """
            SELECT Kind, SourceType, FiscalYear, AmountFen, Count FROM MoneySummaries
            WHERE Span = $span AND RegionCode >= $start AND RegionCode < $end
            ORDER BY Kind, SourceType, FiscalYear
            """, "$span", region.SubtreeEnd - region.SubtreeStart, "$start", region.SubtreeStart, "$end", region.SubtreeEnd);
    }

    // ---- shared pieces

    private const int PageSize = 20;

    private static RegionCode Region(JsonElement variables, string name) =>
        RegionCode.TryParse(variables.GetProperty(name).GetString(), out var code) ? code : throw new BadHttpRequestException($"'{name}' is no region code.");

    /// <summary>A region's name and short code (when asked), and its ancestors' names (and short codes).</summary>
    private static async Task WriteRegionAsync(SqliteConnection db, Utf8JsonWriter json, long code, bool shortCode, bool ancestorShortCodes = true)
    {
        var region = RegionCode.Of(code);
        var name = await ScalarTextAsync(db, "SELECT Name FROM Regions WHERE Code = $code", "$code", code);
        json.WriteStartObject("region");
        json.WriteString("name", name);
        if (shortCode)
        {
            json.WriteString("shortCode", region.ShortForm);
        }

        await WriteAncestorsAsync(db, json, region, ancestorShortCodes);
        json.WriteEndObject();
    }

    private static async Task WriteAncestorsAsync(SqliteConnection db, Utf8JsonWriter json, RegionCode region, bool shortCode)
    {
        // The lineage without the region itself, four codes at most (province to township); -1 matches nothing.
        var above = region.Lineage().SkipLast(1).ToList();
        await WriteRowsAsync(db, json, "ancestors", row =>
        {
            json.WriteString("name", row.GetString(1));
            if (shortCode)
            {
                json.WriteString("shortCode", RegionCode.Of(row.GetInt64(0)).ShortForm);
            }
        }, "SELECT Code, Name FROM Regions WHERE Code IN ($a, $b, $c, $d) ORDER BY Level",
            "$a", At(above, 0), "$b", At(above, 1), "$c", At(above, 2), "$d", At(above, 3));
        static long At(List<long> codes, int i) => i < codes.Count ? codes[i] : -1;
    }

    /// <summary>A fund or project of a notice: code, name, one more text, its money and its organisation's name (columns 0, 1, 3, 4).</summary>
    private static void WriteSubject(Utf8JsonWriter json, SqliteDataReader row, (string Property, string Value) text, string money, string organization)
    {
        json.WriteString("code", row.GetString(0));
        json.WriteString("name", row.GetString(1));
        json.WriteString(text.Property, text.Value);
        WriteMoney(json, money, row.GetInt64(3));
        WriteName(json, organization, row.GetString(4));
    }

    private static void WriteName(Utf8JsonWriter json, string property, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter json, string property, long fen)
    {
        json.WriteStartObject(property);
        json.WriteString("yuan", new Domain.Common.Money(fen).ToString());
        json.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter json, string property, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, reader.GetString(ordinal));
        }
    }

    private static void WriteNullableInt(Utf8JsonWriter json, string property, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteNumber(property, reader.GetInt32(ordinal));
        }
    }

    /// <summary>The cursor of a keyset page as Paging encodes it.</summary>
    private static string Cursor(long key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"k:{key}")));

    /// <summary>An enum value as GraphQL.NET names it: PrivateEnterprise → PRIVATE_ENTERPRISE.</summary>
    private static string EnumName<T>(int value)
        where T : struct, Enum => EnumNames<T>.Of[value];

    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<int, string> Of = Enum.GetValues<T>().ToDictionary(v => Convert.ToInt32(v, CultureInfo.InvariantCulture), v => ConstantCase(v.ToString()));

        private static string ConstantCase(string name)
        {
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    text.Append('_');
                }

                text.Append(char.ToUpperInvariant(name[i]));
            }

            return text.ToString();
        }
    }

    /// <summary>An array with an object per row of <paramref name="sql"/>, its properties written by <paramref name="row"/>.</summary>
    private static async Task WriteRowsAsync(SqliteConnection db, Utf8JsonWriter json, string property, Action<SqliteDataReader> row, string sql, params object?[] parameters)
    {
        json.WriteStartArray(property);
        await using (var reader = await ReadAsync(db, sql, parameters))
        {
            while (await reader.ReadAsync())
            {
                json.WriteStartObject();
                row(reader);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static async Task<SqliteDataReader> ReadAsync(SqliteConnection db, string sql, params object?[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i += 2)
        {
            command.Parameters.AddWithValue((string)parameters[i]!, parameters[i + 1]);
        }

        // The connection disposes its commands when it closes, at the end of the request.
        return await command.ExecuteReaderAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql, params object?[] parameters)
    {
        await using var reader = await ReadAsync(db, sql, parameters);
        return await reader.ReadAsync() ? reader.GetInt64(0) : 0;
    }

    private static async Task<string> ScalarTextAsync(SqliteConnection db, string sql, params object?[] parameters)
    {
        await using var reader = await ReadAsync(db, sql, parameters);
        return await reader.ReadAsync() ? reader.GetString(0) : "";
    }
}
