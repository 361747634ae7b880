using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Anyone can verify the audit trail: changing one stored entry behind the API's back is found and named. On a server of
/// its own, since other publishing tests date an exit's proposal back in the database to end its notice period, which
/// the verifier rightly reports as a change behind the API's back.
/// </summary>
public class AuditTamperTests(PublishingServer server) : IClassFixture<PublishingServer>
{
    private const string Verify = "{ verifyAuditChain { valid entriesChecked firstBrokenSequence message } }";

    [Fact]
    public async Task Verification_names_the_first_entry_changed_directly_in_the_database()
    {
        var project = (await server.MutateOkAsync("createProject", server.Samples.ProjectInput(), server.Samples.Publisher, "project { id code }")).GetProperty("project");
        await server.MutateOkAsync("moveProject", new { project = project.GetProperty("code").GetString(), to = "APPROVED" }, server.Samples.Publisher, Samples.Selection);
        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
        var history = (await server.GraphQLAsync("query($id: ID!) { history(id: $id) { sequence operation after } }", new { id = project.GetProperty("id").GetString() }))
            .Get("data", "history").EnumerateArray().ToList();
        Assert.Equal(["create", "update"], history.Select(e => e.GetProperty("operation").GetString()));
        var created = history[0];
        var sequence = created.GetProperty("sequence").GetInt64();
        var original = created.GetProperty("after").GetString()!;
        Assert.Contains("\"BudgetFen\":\"500000\"", original, StringComparison.Ordinal);

        // Someone with database access quietly raises the budget in the record of its creation.
        await SetAfterAsync(sequence, original.Replace("\"BudgetFen\":\"500000\"", "\"BudgetFen\":\"5000000\"", StringComparison.Ordinal));
        try
        {
            var broken = await VerifyAsync();

            Assert.False(broken.GetProperty("valid").GetBoolean());
            Assert.Equal(sequence, broken.GetProperty("firstBrokenSequence").GetInt64());
            Assert.Contains($"Entry {sequence}", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await SetAfterAsync(sequence, original);
        }

        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
    }

    private async Task<JsonElement> VerifyAsync()
    {
        var response = await server.GraphQLAsync(Verify);
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "verifyAuditChain");
    }

    private async Task SetAfterAsync(long sequence, string after)
    {
        await using var connection = new SqliteConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE AuditEntries SET \"After\" = $after WHERE Id = $id";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$id", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
