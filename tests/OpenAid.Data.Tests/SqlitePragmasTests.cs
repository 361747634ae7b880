using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenAid.Data.Tests;

/// <summary>
/// The connection settings hold on every connection a context uses: a new native connection, one reused from the
/// pool (where they are not sent again), and one opened after the pool was emptied.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_connection_zeroes_freed_content_and_syncs_normally_also_when_reused_from_the_pool()
    {
        var file = _folder.File("pragmas.db");
        var seen = new List<(long SecureDelete, long Synchronous)>();
        for (var round = 0; round < 3; round++)
        {
            if (round == 2)
            {
                SqliteConnection.ClearAllPools();
            }

            await using var db = TestDatabase.Open(file);
            // Two queries in one context: EF opens and closes the pooled connection for each.
            seen.Add((await db.Database.SqlQueryRaw<long>("SELECT secure_delete AS Value FROM pragma_secure_delete").SingleAsync(),
                await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()));
        }

        // secure_delete 1 is ON; synchronous 1 is NORMAL (the default, FULL, is 2).
        Assert.All(seen, s => Assert.Equal((1L, 1L), s));
    }

    public void Dispose() => _folder.Dispose();
}
