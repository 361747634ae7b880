using GraphQL;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Http;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Audit;

/// <summary>
/// Runs verifyAuditChain's verification, which reads the whole trail and every live record: one at a time for the
/// whole server, so that anyone may ask without being able to multiply the cost. Requests without kept checkpoints
/// share one run: those that come while it runs, and for Audit:VerificationReuseSeconds after it finished, get its
/// result (with the time it was made). A run outlives the requests waiting for it, up to
/// Audit:VerificationTimeoutSeconds, so a client whose request ran out of time gets the result by asking again.
/// </summary>
public sealed class AuditVerifications(IServiceScopeFactory scopes, AuditKeyring keyring, AuditOptions options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lock _sharedLock = new();
    private Task<AuditVerification>? _shared;

    /// <summary>The verification, waited for until <paramref name="ct"/> (the request's own budget) ends.</summary>
    public Task<AuditVerification> VerifyAsync(IReadOnlyList<PublishedCheckpoint> against, CancellationToken ct)
    {
        if (against.Count > 0)
        {
            // Each client's own checkpoints: nothing to share, and no use going on once nobody waits.
            return RunAsync(against, ct);
        }

        Task<AuditVerification> shared;
        lock (_sharedLock)
        {
            if (_shared is null || (_shared.IsCompleted && !Reusable(_shared)))
            {
                _shared = RunAsync([], CancellationToken.None);
            }

            shared = _shared;
        }

        return shared.WaitAsync(ct);
    }

    private ExecutionError TookTooLong() => ApiErrors.Error(
        HttpErrorCodes.Timeout, $"Verifying the whole trail took longer than {options.VerificationTimeoutSeconds} s (Audit:VerificationTimeoutSeconds); verify a dump offline instead (./run.sh verify).");

    public void Dispose() => _oneAtATime.Dispose();

    private bool Reusable(Task<AuditVerification> finished) =>
        finished.IsCompletedSuccessfully && clock.GetUtcNow() - finished.Result.VerifiedAt < TimeSpan.FromSeconds(options.VerificationReuseSeconds);

    private async Task<AuditVerification> RunAsync(IReadOnlyList<PublishedCheckpoint> against, CancellationToken waiting)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(waiting);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.VerificationTimeoutSeconds));
        try
        {
            await _oneAtATime.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!waiting.IsCancellationRequested)
        {
            throw TookTooLong();
        }

        try
        {
            // The trail as of now: the read state is taken when the run starts.
            var at = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var verification = await AuditQueries.VerifyAsync(db, keyring.Current().Published, against, timeout.Token);
            return verification with { VerifiedAt = at };
        }
        catch (OperationCanceledException) when (!waiting.IsCancellationRequested)
        {
            throw TookTooLong();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
