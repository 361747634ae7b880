using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Audit;

/// <summary>
/// Checkpoints the audit chain as it grows: every <see cref="Poll"/> on the host's clock, a checkpoint at the head
/// when it moved and Audit:CheckpointEveryEntries entries came or Audit:CheckpointEveryMinutes passed since the last
/// one. Starting checks the signing key, so that a host without one does not start.
/// </summary>
public sealed class CheckpointService(IServiceProvider services, AuditOptions options, TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    private PeriodicTimer? _timer;
    private long _passes;

    /// <summary>How many passes have finished, signed or not (tests wait for one after moving the clock).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        AuditSetup.OpenKeyring(services);
        // Made here, not in ExecuteAsync (which runs later, on its own): a clock moved right after the start is seen.
        _timer = new PeriodicTimer(Poll, clock);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer!.WaitForNextTickAsync(stoppingToken))
            {
                await PassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var checkpoint = await services.GetRequiredService<AuditCheckpoints>()
                .CheckpointIfDueAsync(db, options.CheckpointEveryEntries, TimeSpan.FromMinutes(options.CheckpointEveryMinutes), ct);
            if (checkpoint is not null)
            {
                logger.LogInformation("Audit checkpoint #{Sequence} signed with key {KeyId}.", checkpoint.Sequence, checkpoint.KeyId);
            }
        }
        catch (AuditCheckpointRefusedException refused)
        {
            logger.LogError("No audit checkpoint signed: {Reason}", refused.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next pass tries again; a checkpoint is late, nothing is lost.
            logger.LogError(exception, "The audit checkpoint pass failed.");
        }
        finally
        {
            Interlocked.Increment(ref _passes);
        }
    }
}
