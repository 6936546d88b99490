using System.Data.Common;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Operations;

/// <summary>The database answers a query over a fresh connection of its own (<see cref="ISqlDialect.ProbeAsync"/>).</summary>
internal sealed class DatabaseHealthCheck(ISqlDialect dialect) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await dialect.ProbeAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy($"database unreachable: {problem}")
            : HealthCheckResult.Healthy("database reachable");
}

/// <summary>Quartz runs: without it no reminder, silence or voting deadline would ever fire.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler running")
            : HealthCheckResult.Unhealthy($"scheduler {status.ToString().ToLowerInvariant()}");
    }
}

/// <summary>
/// Receiving and sending move: the oldest unhandled update and the oldest unsent message are younger
/// than <see cref="OperationsOptions.StallThreshold"/>. A stuck dispatcher or a Telegram that refuses
/// every send shows here long before delegations notice missing replies.
/// </summary>
internal sealed class BacklogHealthCheck(Backlog backlog, TimeProvider time, IOptions<OperationsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BacklogSnapshot snapshot;
        try
        {
            snapshot = await backlog.ReadAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy($"backlog unreadable: {ex.Message}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var threshold = options.Value.StallThreshold;
        var problems = new List<string>();
        if (snapshot.OldestUpdate is { } update && now - update > threshold)
        {
            problems.Add($"oldest unhandled update waits since {update:u} ({snapshot.Updates} waiting)");
        }

        if (snapshot.OldestMessage is { } message && now - message > threshold)
        {
            problems.Add($"oldest unsent message waits since {message:u} ({snapshot.Messages} waiting)");
        }

        var data = new Dictionary<string, object>
        {
            ["updates_waiting"] = snapshot.Updates,
            ["messages_waiting"] = snapshot.Messages,
        };
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{snapshot.Updates} updates and {snapshot.Messages} messages waiting", data)
            : HealthCheckResult.Unhealthy($"stalled past {threshold}: {string.Join("; ", problems)}", data: data);
    }
}
