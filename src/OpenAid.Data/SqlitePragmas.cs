using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAid.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once by the initializer, it persists in the file) lets readers run
/// beside the writer; with WAL, synchronous=NORMAL stays durable across application crashes and spares an
/// fsync per commit. It is a connection setting, so every connection the pool opens needs it.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
