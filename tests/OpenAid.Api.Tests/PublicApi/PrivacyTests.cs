using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>Whatever the public API answers, it holds no household personal data.</summary>
[Collection(SharedDemoApiServer.Name)]
public class PrivacyTests(DemoApiServer server)
{
    [Fact]
    public async Task Public_answers_hold_no_ID_numbers_mobiles_or_e_mail_addresses()
    {
        var response = await server.PostAsync("""
            { notices(first: 100) { nodes { title body localSupervisionPhone supervisionPhone publisher { name description } } }
              projects(first: 100) { nodes { name description responsibleRole targets { indicator } } }
              organizations(first: 100) { nodes { name description creditCode } } }
            """);

        Assert.Empty(response.Errors);
        Assert.Null(PrivacyGuard.FindPersonalData(response.Body));
    }
}
