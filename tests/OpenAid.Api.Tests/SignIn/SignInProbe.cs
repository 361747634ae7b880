using System.Net.Http.Headers;
using System.Text;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>Whether a server accepts a token (signs its caller in), asked over HTTP without writing anything.</summary>
public static class SignInProbe
{
    /// <summary>
    /// A Reviewer-only mutation on an objection that does not exist: signed in, the role check answers FORBIDDEN (no
    /// Reviewer grant) or the handler NOT_FOUND; refused, the role check answers UNAUTHENTICATED.
    /// </summary>
    public static async Task<bool> AcceptsAsync(ApiServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent("""{"query":"mutation { startInvestigation(input: { objection: \"YY-000000-2000-0000\" }) { errors { code } } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await server.SendAsync(request, GraphQLResponse.GraphQLResponseJson);
        if (response.ErrorCodes.SequenceEqual(["UNAUTHENTICATED"]))
        {
            return false;
        }

        // Signed in: the grants decide, FORBIDDEN without a Reviewer grant, NOT_FOUND with one.
        Assert.True(response.ErrorCodes.SequenceEqual(["FORBIDDEN"]) || (response.Errors.Count == 0 && response.Body.Contains("NOT_FOUND", StringComparison.Ordinal)), response.ToString());
        return true;
    }
}
