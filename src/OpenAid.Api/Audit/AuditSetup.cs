using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Audit;

/// <summary>The "Audit" configuration section: where the signing key is, and how often the chain is checkpointed.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The private key's PEM file (0600); its published keys are kept beside it. Required outside Development.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>A checkpoint once this many entries came since the last one…</summary>
    public int CheckpointEveryEntries { get; set; } = 1000;

    /// <summary>…or once this many minutes passed since it, whichever comes first (and only when the head moved).</summary>
    public int CheckpointEveryMinutes { get; set; } = 10;

    /// <summary>How long a finished verifyAuditChain run answers later requests (its verifiedAt says when it ran); 0 for never.</summary>
    public int VerificationReuseSeconds { get; set; } = 60;

    /// <summary>How long one verifyAuditChain run may take, whoever still waits for it.</summary>
    public int VerificationTimeoutSeconds { get; set; } = 300;
}

public static class AuditSetup
{
    public const string SigningKeyPathSetting = "Audit:SigningKeyPath";

    /// <summary>The default key file in Development: beside the database, like the development sign-in key.</summary>
    public const string DefaultKeyFileName = "audit-signing-key.pem";

    /// <summary>The keyring, the checkpoint writer and the service that checkpoints the chain as it grows.</summary>
    public static WebApplicationBuilder AddOpenAidAudit(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var options = builder.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        if (options.CheckpointEveryEntries < 1 || options.CheckpointEveryMinutes < 1 || options.VerificationTimeoutSeconds < 1)
        {
            throw new InvalidOperationException("Audit:CheckpointEveryEntries, Audit:CheckpointEveryMinutes and Audit:VerificationTimeoutSeconds must be 1 or more.");
        }

        if (options.VerificationReuseSeconds < 0)
        {
            throw new InvalidOperationException("Audit:VerificationReuseSeconds must be 0 or more.");
        }

        var keyFile = options.SigningKeyPath
            ?? (builder.Environment.IsDevelopment() ? Path.Combine(AuthSetup.DataFolder(database), DefaultKeyFileName) : null);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new AuditKeyring(keyFile ?? throw NotConfigured(builder.Environment.EnvironmentName), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AuditCheckpoints>();
        builder.Services.AddSingleton<AuditVerifications>();
        builder.Services.AddSingleton<CheckpointService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        return builder;
    }

    /// <summary>
    /// The keyring, ready to sign. In Development a missing key is made (beside the database by default); anywhere
    /// else the server never makes one by itself — a key that appeared silently on a fresh disk would break the trust
    /// of every verifier — so a missing setting or file stops the start with what to do.
    /// </summary>
    public static AuditKeyring OpenKeyring(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var keyring = services.GetRequiredService<AuditKeyring>();
        if (!keyring.Exists)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"The audit signing key {keyring.PrivateKeyPath} ({SigningKeyPathSetting}) does not exist, and outside Development the server never makes one by itself. " +
                    $"Restore it from your backup, or make the first key with `OpenAid.Api rotate-audit-key --{SigningKeyPathSetting}={keyring.PrivateKeyPath}`.");
            }

            var key = keyring.CreateFirst();
            services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAid.Audit")
                .LogWarning("Made a new audit signing key {KeyId} at {Path}: checkpoints are signed with it from now on.", key.KeyId, keyring.PrivateKeyPath);
        }

        _ = keyring.Current();
        return keyring;
    }

    private static InvalidOperationException NotConfigured(string environment) => new(
        $"{SigningKeyPathSetting} is not set. In the '{environment}' environment the audit trail's signing key must be configured: " +
        $"a PEM file outside the database, readable by the service only (0600). Make the first with `OpenAid.Api rotate-audit-key --{SigningKeyPathSetting}=<path>`.");
}
