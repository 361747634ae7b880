using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Data;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>
/// A stand-in for the Entra ID authority on 127.0.0.1: its OpenID metadata (multi-tenant, issuer per tenant, as
/// login.microsoftonline.com publishes it) and a locally generated RSA signing key. Tokens are issued by the test.
/// Its issuers are its own address, or those of the authority it stands in for (<c>issuerRoot</c>).
/// </summary>
public sealed class TestAuthority : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _app;

    public TestAuthority(string? issuerRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
        {
            issuer = $"{IssuerRoot}{(Guid.TryParse(tenant, out _) ? tenant : "{tenantid}")}/v2.0",
            jwks_uri = $"{Root}{tenant}/discovery/v2.0/keys",
            authorization_endpoint = $"{Root}{tenant}/oauth2/v2.0/authorize",
            token_endpoint = $"{Root}{tenant}/oauth2/v2.0/token",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        _app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Json(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } },
        }));
        _app.StartAsync().GetAwaiter().GetResult();
        Root = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        IssuerRoot = issuerRoot ?? Root;
    }

    public const string KeyId = "test-signing-key";

    /// <summary>The API's app registration.</summary>
    public static readonly Guid ApiClientId = Guid.Parse("6f1c3c8e-0000-4000-8000-00000000a001");

    public string Root { get; }

    /// <summary>The root of the issuers in its metadata and tokens: "{IssuerRoot}{tenant}/v2.0".</summary>
    public string IssuerRoot { get; }

    /// <summary>An access token for the API as Entra ID issues it: per-tenant issuer, the app's audience, tid, oid and a sub per client app.</summary>
    public string Token(Guid tenant, Guid objectId, string clientApp, string[] roles, string? region = null, string? organization = null, string? name = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant.ToString("D"),
            ["oid"] = objectId.ToString("D"),
            // Entra ID's sub is pairwise: the same person has another in every client application.
            ["sub"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{objectId}:{clientApp}")))[..43],
            ["azp"] = clientApp,
            ["ver"] = "2.0",
            ["roles"] = roles,
        };
        if (region is not null)
        {
            claims["region"] = region;
        }

        if (organization is not null)
        {
            claims["org"] = organization;
        }

        if (name is not null)
        {
            claims["name"] = name;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{IssuerRoot}{tenant:D}/v2.0",
            Audience = ApiClientId.ToString("D"),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        _rsa.Dispose();
    }
}

/// <summary>Production with Entra ID, multi-tenant registration, one accepted tenant, and the demo data.</summary>
public sealed class EntraServer : ApiServer, IAsyncLifetime
{
    public static readonly Guid Tenant = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid OtherTenant = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly byte[] PseudonymKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public EntraServer()
        : this(new TestAuthority())
    {
    }

    private EntraServer(TestAuthority authority)
        : base(seedDemoData: true, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            [AuthSetup.LocalSignerSetting] = null,
            ["AzureAd:Instance"] = authority.Root,
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestAuthority.ApiClientId.ToString("D"),
            ["AzureAd:AllowedTenants:0"] = Tenant.ToString("D"),
            // The stand-in authority speaks HTTP on loopback; Entra ID itself is HTTPS.
            ["AzureAd:RequireHttpsMetadata"] = "false",
            [ActorPseudonyms.KeySetting] = Convert.ToBase64String(PseudonymKey),
        }) => Authority = authority;

    public TestAuthority Authority { get; }

    public Place Village { get; private set; } = null!;

    public Place County { get; private set; } = null!;

    public string Office { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var office = (await db.Organizations.Where(o => o.Kind == OrganizationKind.Government && o.Name.EndsWith("扶贫开发办公室")).OrderBy(o => o.Id).ToListAsync())
            .First(o => o.RegionCode is { } home && RegionCode.LevelOf(home) == RegionLevel.County);
        var village = await db.Regions.Where(r => r.Code > office.RegionCode && r.Code < office.RegionCode + 1_000_000 && r.Level == RegionLevel.Village).OrderBy(r => r.Code).FirstAsync();
        Office = office.Code;
        County = new Place(office.RegionCode!.Value, RegionCode.Of(office.RegionCode!.Value).ShortForm, "");
        Village = new Place(village.Code, village.RegionCode.ShortForm, village.Name);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Authority.Dispose();
    }
}

/// <summary>In Entra ID, a person is tid + oid, only configured tenants sign in, and the public actor ID is a pseudonym.</summary>
public class EntraSignInTests(EntraServer server) : IClassFixture<EntraServer>
{
    private static readonly Guid Person = Guid.Parse("33333333-3333-4333-8333-333333333333");

    /// <summary>The first administrator: Entra ID gives them the Admin app role, and no grant exists yet.</summary>
    private static readonly Guid FirstAdmin = Guid.Parse("44444444-4444-4444-8444-444444444444");

    private static readonly Guid Newcomer = Guid.Parse("55555555-5555-4555-8555-555555555555");

    private static string PseudonymOf(Guid objectId) =>
        "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(EntraServer.PseudonymKey, Encoding.UTF8.GetBytes($"{EntraServer.Tenant:D}:{objectId:D}")))[..32];

    private string Admin => server.Authority.Token(EntraServer.Tenant, FirstAdmin, "app-a", [Roles.Admin], name: "首任管理员");

    /// <summary>Grants <paramref name="role"/> for the test county to the Entra ID user <paramref name="objectId"/>, as the first administrator.</summary>
    private Task<JsonElement> GrantAsync(Guid objectId, string role) =>
        server.MutateOkAsync(
            "grantRole",
            new { person = PseudonymOf(objectId), role = role.ToUpperInvariant(), region = server.County.ShortCode, organization = server.Office, reason = "县扶贫办工作人员。" },
            Admin,
            "grant { id }");

    [Fact]
    public async Task The_Admin_app_role_is_a_nationwide_Admin_grant_and_other_roles_in_the_token_count_for_nothing()
    {
        var me = await server.GraphQLAsync("{ me { subject name roles grants { id } } }", token: Admin);
        Assert.True(me.Errors.Count == 0, me.ToString());
        Assert.Equal(PseudonymOf(FirstAdmin), me.Get("data", "me").Text("subject"));
        Assert.Equal(["ADMIN"], me.Get("data", "me", "roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, me.Get("data", "me", "grants").GetArrayLength());

        // The newcomer's token claims Publisher and a region; until an Admin grants it, that is worth nothing.
        var newcomer = server.Authority.Token(EntraServer.Tenant, Newcomer, "app-a", [Roles.Publisher], server.County.ShortCode, server.Office);
        var statistics = new { region = server.Village.ShortCode, year = 2019, population = 900, poorPeople = 40, poorHouseholds = 12, collectiveIncomeFen = 0, perCapitaDisposableIncomeFen = 900_000 };
        var refused = await server.SendMutationAsync("recordVillageStatistics", statistics, newcomer, "__typename");
        Assert.Equal(["FORBIDDEN"], refused.ErrorCodes);

        await GrantAsync(Newcomer, Roles.Publisher);

        await server.MutateOkAsync("recordVillageStatistics", statistics, newcomer);
        var grants = await server.GraphQLAsync("query($person: String) { grants(person: $person) { nodes { role grantedBy } } }", new { person = PseudonymOf(Newcomer) }, Admin);
        Assert.Equal(PseudonymOf(FirstAdmin), grants.Get("data", "grants", "nodes")[0].Text("grantedBy"));
    }

    [Fact]
    public async Task A_token_of_a_tenant_that_is_not_configured_is_refused()
    {
        Assert.True(await SignInProbe.AcceptsAsync(server, server.Authority.Token(EntraServer.Tenant, Person, "app-a", [Roles.Reviewer], "45")));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.Authority.Token(EntraServer.OtherTenant, Person, "app-a", [Roles.Reviewer], "45")));
    }

    [Fact]
    public async Task One_person_through_a_second_client_app_is_still_the_registrant_and_appears_by_pseudonym()
    {
        var roles = new[] { Roles.Publisher, Roles.Reviewer };
        var throughA = server.Authority.Token(EntraServer.Tenant, Person, "app-a", roles, server.County.ShortCode, server.Office, "张伟");
        var throughB = server.Authority.Token(EntraServer.Tenant, Person, "app-b", roles, server.County.ShortCode, server.Office, "张伟");
        await GrantAsync(Person, Roles.Publisher);
        await GrantAsync(Person, Roles.Reviewer);
        var need = new
        {
            region = server.Village.ShortCode,
            category = "EDUCATION",
            title = "贫困家庭学生助学金（Entra 测试）",
            description = "资助本村12名建档立卡贫困家庭在校学生，每人每学期补助。",
            amountFen = 1_000_000,
            deadline = ApiServer.Day(TimeProvider.System.Today().AddDays(60)),
            priority = "NORMAL",
            submit = true,
        };

        var registered = (await server.MutateOkAsync("registerNeed", need, throughA, "need { code }")).GetProperty("need");
        var review = await server.MutateAsync("reviewNeed", new { need = registered.Text("code"), decision = "APPROVE" }, throughB);

        Payloads.AssertError(review, "REVIEWER_IS_REGISTRANT", "need");
        // A need under review is not public yet; its trail entry is what history(id:) will show once it is.
        var code = registered.Text("code");
        var key = (await server.ReadAsync(db => db.Needs.Where(n => n.Code == code).Select(n => n.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actor = await server.ReadAsync(db => db.AuditEntries.Where(e => e.EntityType == "Need" && e.EntityKey == key && e.Operation == "create").Select(e => e.ActorSubject).SingleAsync());
        Assert.Equal(PseudonymOf(Person), actor);
    }

    [Fact]
    public async Task Without_a_scope_setting_the_web_app_requests_the_APIs_access_as_user_scope_at_the_configured_authority()
    {
        var (body, _) = await SignInConfigurationProbe.GetAsync(server);

        Assert.Equal($"{server.Authority.Root}organizations", body.GetProperty("authority").GetString());
        Assert.Equal([$"api://{TestAuthority.ApiClientId:D}/access_as_user"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }
}
