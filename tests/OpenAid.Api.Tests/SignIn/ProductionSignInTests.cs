using System.Net.Http.Headers;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>The API in Production without an AzureAd section.</summary>
public sealed class ProductionApiServer() : ApiServer(seedDemoData: false, new Dictionary<string, string?> { ["environment"] = "Production" });

/// <summary>The local development signer never works in Production: its tokens are not accepted there, and it mints none.</summary>
public class ProductionSignInTests(ProductionApiServer server) : IClassFixture<ProductionApiServer>
{
    [Fact]
    public async Task A_locally_signed_token_is_not_accepted_in_Production()
    {
        // Signed with the very key file a Development host would use for this database.
        var token = LocalTokens.ForKeyFile(Path.Combine(server.DataFolder, "dev-signing-key"), TimeProvider.System)
            .Mint("dev-publisher", null, TimeSpan.FromHours(1));
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent("""{"query":"mutation { createFund(input: { name: \"x\", documentNumber: \"x\", sourceType: COUNTY_FISCAL, level: COUNTY, fiscalYear: 2020, amountFen: 1, region: \"45\", purpose: \"x\", decidedOn: \"2020-01-01\" }) { errors { code } } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await server.SendAsync(request, GraphQLResponse.GraphQLResponseJson);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_development_sign_in_endpoints_are_not_there_in_Production()
    {
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await server.Client.GetAsync("dev/users")).StatusCode);
        using var body = new StringContent("""{"subject":"dev-admin"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await server.Client.PostAsync("dev/sign-in", body)).StatusCode);
    }

    [Fact]
    public async Task The_token_command_refuses_to_mint_in_Production()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await server.ReadAsync(db => TokenCommand.RunAsync(["--role", Roles.Publisher], server.Services.GetService(typeof(LocalTokens)) as LocalTokens, db, output, error, CancellationToken.None));

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("Production", error.ToString(), StringComparison.Ordinal);
    }
}
