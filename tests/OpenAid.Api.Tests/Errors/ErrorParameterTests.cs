using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Api.Tests.Publishing;

namespace OpenAid.Api.Tests.Errors;

/// <summary>
/// Refusals carry their code and the values their message is made of, over HTTP: payload errors in params, top-level
/// errors in extensions.params; a client words them without parsing the English message, which says the same.
/// </summary>
[Collection(SharedMarketplaceServer.Name)]
public class ErrorParameterTests(MarketplaceServer server)
{
    [Fact]
    public async Task An_over_pledge_names_the_need_and_what_is_left_in_fen()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 1_000_000));
        await server.PledgeAsync(need, 200_000);

        var payload = await server.MutateAsync("pledge", new { need, kind = "MONEY", quantity = 900_000 }, server.Donor);

        Payloads.AssertError(payload, "EXCEEDS_REMAINING", "quantity");
        var error = payload.GetProperty("errors")[0];
        Assert.Equal(
            new Dictionary<string, string> { ["need"] = need, ["remaining"] = "800000", ["offered"] = "900000", ["unit"] = "fen" },
            Params(error));
        Assert.Contains("8000.00 yuan left to pledge; 9000.00 yuan were offered", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_in_the_wrong_unit_names_the_unit_of_the_need()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: null, quantity: 10, unit: "套", category: "DAILY_NECESSITIES"));

        var payload = await server.MutateAsync("pledge", new { need, kind = "GOODS", quantity = 1, unit = "箱" }, server.Donor);

        Payloads.AssertError(payload, "UNIT_MISMATCH", "unit");
        Assert.Equal(new Dictionary<string, string> { ["need"] = need, ["unit"] = "套" }, Params(payload.GetProperty("errors")[0]));
    }

    [Fact]
    public async Task A_top_level_FORBIDDEN_names_the_role_needed_and_the_roles_held()
    {
        var need = await server.NeedAsync();

        var response = await server.SendMutationAsync("pledge", new { need, kind = "MONEY", quantity = 1_000 }, server.Officer, "__typename");

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        var extensions = response.Errors[0].GetProperty("extensions");
        Assert.Equal(new Dictionary<string, string> { ["role"] = Roles.Donor, ["roles"] = Roles.Publisher }, Params(extensions));
        Assert.Contains($"This needs the {Roles.Donor} role", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_top_level_UNAUTHENTICATED_names_the_role_to_sign_in_with()
    {
        var need = await server.NeedAsync();

        var response = await server.SendMutationAsync("pledge", new { need, kind = "MONEY", quantity = 1_000 }, null, "__typename");

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(new Dictionary<string, string> { ["role"] = Roles.Donor }, Params(response.Errors[0].GetProperty("extensions")));
    }

    [Fact]
    public async Task Every_top_level_error_has_params_even_those_of_GraphQL_NET()
    {
        var response = await server.GraphQLAsync("{ noSuchField }", null, null);

        Assert.Equal(JsonValueKind.Array, response.Errors[0].GetProperty("extensions").GetProperty("params").ValueKind);
    }

    [Fact]
    public async Task Personal_data_in_an_objection_names_the_kind_found()
    {
        var payload = await server.MutateAsync(
            "fileObjection",
            new { region = server.Village.ShortCode, category = "EMBEZZLEMENT", description = "村干部挪用补助，请拨打13812345678核实。" },
            null);

        Payloads.AssertError(payload, "PERSONAL_DATA", "description");
        var error = payload.GetProperty("errors")[0];
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "MOBILE_PHONE_NUMBER" }, Params(error));
        Assert.Contains("a mobile phone number", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An error's params as a dictionary; each name appears once.</summary>
    internal static Dictionary<string, string> Params(JsonElement error) =>
        error.GetProperty("params").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString()!);
}
