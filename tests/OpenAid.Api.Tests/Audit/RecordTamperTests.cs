using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Tests.Publishing;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// An edit behind the API leaves the chain intact but the record different from what its latest entry records:
/// verifyAuditChain names the record and the property, and a row written behind the API is one without an entry.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class RecordTamperTests(PublishingServer server)
{
    private const string Verify = "{ verifyAuditChain { valid code problem { entityType entityKey field } firstBrokenSequence recordsChecked message } }";

    [Fact]
    public async Task A_notice_title_changed_in_the_database_is_a_record_mismatch_naming_the_notice_and_Title()
    {
        var notice = await server.ReadAsync(db => db.Notices.Where(n => n.Status == NoticeStatus.Published).OrderBy(n => n.Id).Select(n => new { n.Id, n.Title }).FirstAsync());
        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());

        await ExecuteAsync("UPDATE Notices SET Title = $value WHERE Id = $id", notice.Title + "（已改）", notice.Id);
        try
        {
            var broken = await VerifyAsync();
            Assert.False(broken.GetProperty("valid").GetBoolean());
            Assert.Equal(("RECORD_MISMATCH", "Notice", Key(notice.Id), "Title"), Problem(broken));
        }
        finally
        {
            await ExecuteAsync("UPDATE Notices SET Title = $value WHERE Id = $id", notice.Title, notice.Id);
        }

        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_transaction_amount_changed_in_the_database_is_a_record_mismatch_naming_the_transaction_and_AmountFen()
    {
        var transaction = await server.ReadAsync(db => db.Transactions.OrderByDescending(t => t.Id).Select(t => new { t.Id, t.AmountFen }).FirstAsync());

        await ExecuteAsync("UPDATE Transactions SET AmountFen = $value WHERE Id = $id", transaction.AmountFen * 10, transaction.Id);
        try
        {
            Assert.Equal(("RECORD_MISMATCH", "MoneyTransaction", Key(transaction.Id), "AmountFen"), Problem(await VerifyAsync()));
        }
        finally
        {
            await ExecuteAsync("UPDATE Transactions SET AmountFen = $value WHERE Id = $id", transaction.AmountFen, transaction.Id);
        }

        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_row_inserted_in_the_database_is_a_record_without_an_entry()
    {
        var code = $"JY-BEHIND-{Samples.Unique()}";
        await server.ReadAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO Transactions (Code, Kind, AmountFen, Date, FiscalYear, SourceType, ReceiverRegionCode, Description, IsDemo) VALUES ({code}, 2, 100, {Samples.Today}, {Samples.Year}, 4, {server.County.Code}, '未经接口写入。', 0)"));
        try
        {
            var id = await server.ReadAsync(db => db.Transactions.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());
            var broken = await VerifyAsync();
            Assert.Equal(("RECORD_UNAUDITED", "MoneyTransaction", Key(id), null), Problem(broken));
        }
        finally
        {
            await server.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM Transactions WHERE Code = {code}"));
        }
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static (string?, string?, string?, string?) Problem(JsonElement verification) =>
        (verification.GetProperty("code").GetString(), verification.GetProperty("problem").GetProperty("entityType").GetString(),
            verification.GetProperty("problem").GetProperty("entityKey").GetString(), verification.GetProperty("problem").GetProperty("field").GetString());

    private async Task<JsonElement> VerifyAsync()
    {
        var response = await server.GraphQLAsync(Verify);
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "verifyAuditChain");
    }

    private async Task ExecuteAsync(string sql, object value, long id)
    {
        await using var connection = new SqliteConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
