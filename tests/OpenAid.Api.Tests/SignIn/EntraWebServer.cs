using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>
/// Production configured as a deployment on Entra ID is (the authority https://login.microsoftonline.com/, the web
/// app's own scope), except that the API reads the signing keys from a <see cref="TestAuthority"/> on 127.0.0.1
/// (AzureAd:MetadataAddress) whose issuers are login.microsoftonline.com's: nothing leaves the machine, and tokens the
/// test signs look like Entra ID's. No demo data: the sign-in does not need it.
/// </summary>
public sealed class EntraWebServer : ApiServer, IAsyncLifetime
{
    public const string EntraInstance = "https://login.microsoftonline.com/";
    public const string SpaScope = "api://openaid-test/access_as_user";

    public EntraWebServer()
        : this(new TestAuthority(EntraInstance))
    {
    }

    private EntraWebServer(TestAuthority authority)
        : base(seedDemoData: false, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["RateLimiting:Enabled"] = "false",
            ["AzureAd:Instance"] = EntraInstance,
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestAuthority.ApiClientId.ToString("D"),
            ["AzureAd:AllowedTenants:0"] = EntraServer.Tenant.ToString("D"),
            ["AzureAd:MetadataAddress"] = $"{authority.Root}organizations/v2.0/.well-known/openid-configuration",
            ["AzureAd:RequireHttpsMetadata"] = "false",
            [SignInConfiguration.ScopesSetting + ":0"] = SpaScope,
            [ActorPseudonyms.KeySetting] = Convert.ToBase64String(EntraServer.PseudonymKey),
        }) => Authority = authority;

    public TestAuthority Authority { get; }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Authority.Dispose();
    }
}
