using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAid.Api.Http;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// ExceptionGuard on a Kestrel host of its own in Development, where ASP.NET Core would otherwise show its exception
/// page, stack trace included: a fault of ours is a plain, typed 500.
/// </summary>
public sealed class ExceptionGuardTests
{
    [Fact]
    public async Task An_unexpected_exception_is_a_typed_500_without_a_stack_trace_even_in_Development()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseMiddleware<ExceptionGuard>();
        app.MapGet("/fault", (HttpContext _) => Task.FromException(new InvalidOperationException("secret detail at C:\\src\\Fault.cs:line 12")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.GetAsync("/fault");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"INTERNAL_SERVER_ERROR\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
