using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Data.Summaries;

namespace OpenAid.Api;

/// <summary>The product's command line: serve (the default), print-schema, token, verify, rotate-audit-key and rebuild-summaries.</summary>
public static class OpenAidCommands
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var app = OpenAidHost.Build(args);
        await OpenAidHost.PrepareDatabaseAsync(app);
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
        await app.RunAsync();
        return 0;
    }

    /// <summary>Writes the schema's SDL to a file, or to standard output without one.</summary>
    public static async Task<int> PrintSchemaAsync(string[] args)
    {
        var app = OpenAidHost.Build([]);
        var sdl = PrintSchema(app.Services.GetRequiredService<ISchema>());
        if (args.FirstOrDefault() is { } file)
        {
            await File.WriteAllTextAsync(file, sdl);
            Console.Error.WriteLine($"Schema written to {Path.GetFullPath(file)}");
        }
        else
        {
            Console.Write(sdl);
        }

        return 0;
    }

    /// <summary>Mints a development token; options after the token options configure the host as for serve.</summary>
    public static async Task<int> TokenAsync(string[] args)
    {
        var split = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal));
        var (tokenArgs, hostArgs) = split < 0 ? (args, Array.Empty<string>()) : (args[..split], args[split..]);
        var app = OpenAidHost.Build(hostArgs);
        var tokens = app.Services.GetService<LocalTokens>();
        if (tokens is not null)
        {
            // The people are in the database: it must exist, as serve would make it.
            await OpenAidHost.PrepareDatabaseAsync(app);
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await TokenCommand.RunAsync(tokenArgs, tokens, scope.ServiceProvider.GetRequiredService<OpenAid.Data.OpenAidDbContext>(), Console.Out, Console.Error, CancellationToken.None);
    }

    /// <summary>Verifies a published audit trail offline: builds no host and opens no database, so it runs anywhere.</summary>
    public static Task<int> VerifyAsync(string[] args) => VerifyCommand.RunAsync(args, Console.Out, Console.Error);

    /// <summary>Rotates the audit signing key (or makes the first); the arguments configure the host as for serve.</summary>
    public static async Task<int> RotateAuditKeyAsync(string[] args)
    {
        var app = OpenAidHost.Build(args);
        return await RotateAuditKeyCommand.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
    }

    /// <summary>
    /// Recomputes the money summary from the transactions in one transaction (idempotent), after a bulk load that bypassed
    /// the writes which keep it; the arguments configure the host as for serve.
    /// </summary>
    public static async Task<int> RebuildSummariesAsync(string[] args)
    {
        var app = OpenAidHost.Build(args);
        await OpenAidHost.PrepareDatabaseAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = await MoneySummaryLedger.RebuildAsync(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>(), new ConsoleProgress(), CancellationToken.None);
        Console.WriteLine($"Money summary rebuilt: {rows:N0} rows in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>The SDL with descriptions, types in name order, so that the file diffs cleanly.</summary>
    public static string PrintSchema(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>Writes progress as it comes (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine(value);
    }

    private static void PrintAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var root = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/');
            Console.WriteLine();
            Console.WriteLine($"  OpenAid is running.");
            Console.WriteLine($"  Web app:   {root}/");
            Console.WriteLine($"  GraphiQL:  {root}/graphiql");
            Console.WriteLine($"  GraphQL:   {root}/graphql");
            Console.WriteLine();
        }
    }
}
