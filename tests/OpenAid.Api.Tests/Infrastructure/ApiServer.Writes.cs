using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Access;
using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Access;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>Signed-in requests and write checks that the test suites for writes share.</summary>
public partial class ApiServer
{
    /// <summary>Saves of grants that <see cref="MintToken"/> made: setup, not writes of the API under test.</summary>
    private int _grantSaves;

    /// <summary>
    /// A token of the server's local signer for a person holding <paramref name="roles"/> for the region and organisation:
    /// the grants are made first when the person does not hold them yet (those a grant cannot have – a Donor without an
    /// organisation, a Publisher or Reviewer without a region – are left out, so such a token is merely signed in).
    /// </summary>
    public string MintToken(IReadOnlyCollection<string> roles, string? region, string? organization, string? name = null, string? subject = null)
    {
        // The name is part of the default person: a person's grants carry their name, so a nameless token must not reuse a named one's.
        var person = subject ?? $"test-{string.Join('-', roles).ToLowerInvariant()}-{region ?? "any"}-{organization ?? "none"}{(name is null ? "" : "-" + name)}";
        var grants = roles.Select(Enum.Parse<Role>)
            .Where(role => role switch { Role.Donor => organization is not null, Role.Publisher or Role.Reviewer => region is not null, _ => true })
            .Select(role => new LocalGrant(role, region, organization))
            .ToList();
        using (var scope = Services.CreateScope())
        {
            if (LocalUsers.EnsureAsync(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>(), person, name, grants, CancellationToken.None).GetAwaiter().GetResult())
            {
                Interlocked.Increment(ref _grantSaves);
            }
        }

        return Services.GetRequiredService<LocalTokens>().Mint(person, name, TimeSpan.FromHours(1));
    }

    /// <summary>POSTs a GraphQL request, signed in with <paramref name="token"/> when one is given.</summary>
    public Task<GraphQLResponse> GraphQLAsync(string query, object? variables = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return SendAsync(request, GraphQLResponse.GraphQLResponseJson);
    }

    /// <summary>Runs one mutation with its input (type name: the mutation's, capitalised, + "Input").</summary>
    public Task<GraphQLResponse> SendMutationAsync(string mutation, object input, string? token, string selection) =>
        GraphQLAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ {selection} errors {{ code field message params {{ name value }} }} }} }}",
            new { input },
            token);

    /// <summary>
    /// Runs one mutation and returns its payload (the result and errors). Fails on a top-level error, which a refused or
    /// broken request gives.
    /// </summary>
    public async Task<JsonElement> MutateAsync(string mutation, object input, string? token, string selection = "__typename")
    {
        var response = await SendMutationAsync(mutation, input, token, selection);
        Assert.True(response.Errors.Count == 0, $"{mutation} failed: {response}");
        return response.Get("data", mutation);
    }

    /// <summary>Like <see cref="MutateAsync"/>, and fails unless the payload has no errors.</summary>
    public async Task<JsonElement> MutateOkAsync(string mutation, object input, string? token, string selection = "__typename")
    {
        var payload = await MutateAsync(mutation, input, token, selection);
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"{mutation} was refused: {payload}");
        return payload;
    }

    /// <summary>
    /// How much has been written: audit entries and the data version, leaving out the grants <see cref="MintToken"/>
    /// made. Equal before and after means nothing was.
    /// </summary>
    public Task<(long AuditEntries, long DataVersion)> WatermarkAsync() =>
        ReadAsync(async db => (
            await db.AuditEntries.LongCountAsync(e => e.ActorSubject != AuditActor.SystemLocalUsers.Subject),
            await db.DataVersions.Select(v => v.Version).SingleOrDefaultAsync() - Volatile.Read(ref _grantSaves)));

    /// <summary>Reads the server's database directly, in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<OpenAidDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>());
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A region the tests use: its padded code, its official short code and its name.</summary>
public sealed record Place(long Code, string ShortCode, string Name);
