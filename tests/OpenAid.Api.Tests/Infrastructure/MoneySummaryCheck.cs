using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>The stored money summary against a recomputation written apart from the product's: each transaction counted once at every level of its receiver.</summary>
public static class MoneySummaryCheck
{
    public const string Recomputed = """
        WITH spans(s) AS (VALUES (1000000000000), (10000000000), (100000000), (1000000), (1000), (1))
        SELECT s, ReceiverRegionCode / s * s, FiscalYear, SourceType, Kind, COUNT(*), SUM(AmountFen) FROM Transactions, spans GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        """;

    public const string Stored = "SELECT Span, RegionCode, FiscalYear, SourceType, Kind, Count, AmountFen FROM MoneySummaries ORDER BY 1, 2, 3, 4, 5";

    public static void AssertMatches(string connectionString) => Assert.Equal(Rows(connectionString, Recomputed), Rows(connectionString, Stored));

    public static List<string> Rows(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
