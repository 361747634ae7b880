using Microsoft.Data.Sqlite;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>Asks the test server's SQLite file directly, to check the API's answers against the data itself.</summary>
internal static class Sql
{
    public static long Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
