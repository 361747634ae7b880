using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAid.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once by the initializer, it persists in the file) lets readers run
/// beside the writer; with WAL, synchronous=NORMAL stays durable across application crashes and spares an
/// fsync per commit. secure_delete zeroes content as SQLite frees it (a row rewritten by an update, a page let go), so
/// that a value erased by an audit redaction leaves no copy in free space, including copies freed by earlier writes
/// of the same record; the service rarely frees anything (nothing public is deleted), so it costs little. They are
/// connection settings, so every connection the pool opens needs them.
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

    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
