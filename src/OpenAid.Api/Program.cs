using OpenAid.Api;

return args.FirstOrDefault() switch
{
    "print-schema" => await OpenAidCommands.PrintSchemaAsync(args.Skip(1).ToArray()),
    "token" => await OpenAidCommands.TokenAsync(args.Skip(1).ToArray()),
    "verify" => await OpenAidCommands.VerifyAsync(args.Skip(1).ToArray()),
    "rotate-audit-key" => await OpenAidCommands.RotateAuditKeyAsync(args.Skip(1).ToArray()),
    "rebuild-summaries" => await OpenAidCommands.RebuildSummariesAsync(args.Skip(1).ToArray()),
    _ => await OpenAidCommands.ServeAsync(args),
};

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
