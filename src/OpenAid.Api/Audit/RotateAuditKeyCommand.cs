using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Audit;

/// <summary>
/// `rotate-audit-key`: makes the next audit signing key, writes a rotation checkpoint at the head signed by the
/// current key and naming the next one, then switches to it. Where there is no key yet, makes the first one (the
/// only way a server outside Development gets one). Exit 0 done, 1 refused.
/// </summary>
public static class RotateAuditKeyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var keyring = services.GetRequiredService<AuditKeyring>();
        if (!keyring.Exists)
        {
            var first = keyring.CreateFirst();
            output.WriteLine($"Made the first audit signing key {first.KeyId} at {keyring.PrivateKeyPath} (0600); its public key is in {keyring.PublicKeysPath}.");
            output.WriteLine("Keep the key secret and back up both files: whoever holds the key can sign checkpoints, and without it no verifier will trust a new one.");
            return 0;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        try
        {
            var rotation = await services.GetRequiredService<AuditCheckpoints>().RotateAsync(db, ct);
            output.WriteLine($"Rotated the audit signing key: checkpoint #{rotation.Sequence}, signed by {rotation.KeyId}, introduces {rotation.NextKeyId}, which signs from now on.");
            output.WriteLine($"{rotation.KeyId} stays published in {keyring.PublicKeysPath} (/export/audit-key). Instances that share {keyring.PrivateKeyPath} follow at their next checkpoint; copy it to any that do not.");
            return 0;
        }
        catch (AuditCheckpointRefusedException refused)
        {
            error.WriteLine($"Not rotated: {refused.Message}");
            return 1;
        }
    }
}
