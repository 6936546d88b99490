using System.Globalization;
using CoordBot.Domain.Deadlines;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoordBot.Scheduling;

/// <summary>
/// The Quartz plumbing of warnings before a deadline (issue 24 item 2), one per subject kind (a draft's silence, a vote's
/// close): one job per offset in a group of the subject's own, so a moved or ended deadline drops them in one call; the
/// job's data (subject, deadline, offset); and the audit entry that records each warning sent and keeps a recovered
/// firing from sending it twice. The names and keys are stored in the job store and the audit log: never change them.
/// </summary>
/// <param name="Group">The group's name before the subject's id (<c>silence-warnings-D</c>).</param>
/// <param name="JobPrefix">The job's name before the offset in seconds (<c>warning-</c>).</param>
/// <param name="SubjectKey">The job data key of the subject's id (<c>draftId</c>).</param>
/// <param name="DeadlineKey">The job data key of the deadline (<c>deadlineUtc</c>).</param>
/// <param name="AuditAction">The audit action of a warning sent (<c>draft.silence.warned</c>).</param>
public sealed record DeadlineWarningJobs(string Group, string JobPrefix, string SubjectKey, string DeadlineKey, string AuditAction)
{
    public const string OffsetKey = "offsetSeconds";

    public string GroupOf(long subjectId) => Group + subjectId.ToString(CultureInfo.InvariantCulture);

    public JobKey KeyOf(long subjectId, TimeSpan offset) =>
        new($"{JobPrefix}{((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s", GroupOf(subjectId));

    /// <summary>The audit details of one warning: the same subject, deadline and offset always read the same.</summary>
    public static string AuditDetails(string label, DateTime deadlineUtc, TimeSpan offset) =>
        $"{label} {offset.ToString("c", CultureInfo.InvariantCulture)} before {DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc):O}";

    /// <summary>
    /// The warnings of a deadline at <paramref name="deadlineUtc"/>, set or moved (or re-asserted) at <paramref name="sinceUtc"/>:
    /// those whose time is still to come (<see cref="DeadlineWarnings.Plan"/>). Scheduling is idempotent.
    /// </summary>
    public async Task<int> ScheduleAsync<TJob>(
        IJobScheduler scheduler, long subjectId, DateTime deadlineUtc, IReadOnlyList<TimeSpan> offsets, DateTime sinceUtc, CancellationToken cancellationToken)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var plan = DeadlineWarnings.Plan(deadlineUtc, offsets, sinceUtc);
        foreach (var warning in plan)
        {
            await scheduler.ScheduleOnceAsync<TJob>(
                KeyOf(subjectId, warning.Offset),
                new DateTimeOffset(DateTime.SpecifyKind(warning.FireAtUtc, DateTimeKind.Utc)),
                new Dictionary<string, string>
                {
                    [SubjectKey] = subjectId.ToString(CultureInfo.InvariantCulture),
                    [DeadlineKey] = DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                    [OffsetKey] = ((long)warning.Offset.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                },
                cancellationToken);
        }

        return plan.Count;
    }

    /// <summary>What a firing is about, or null when its data cannot be read.</summary>
    public DeadlineWarningFiring? Read(JobDataMap data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return long.TryParse(data.GetString(SubjectKey), NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId)
            && DateTime.TryParse(data.GetString(DeadlineKey), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var deadline)
            && long.TryParse(data.GetString(OffsetKey), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new DeadlineWarningFiring(subjectId, deadline, TimeSpan.FromSeconds(seconds))
            : null;
    }

    /// <summary>Whether the warning with these audit details has been sent already.</summary>
    public Task<bool> SentAsync(CoordBotDb db, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuditEntries.AnyAsync(a => a.Action == AuditAction && a.Details == details, cancellationToken);
    }

    /// <summary>Records the warning as sent, in the transaction that writes it.</summary>
    public void RecordSent(CoordBotDb db, DateTime nowUtc, string details)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = 0, Action = AuditAction, Details = details });
    }
}

/// <summary>One firing of a warning: its subject (a draft's or a vote's id), the deadline it warns of, and how long before.</summary>
public readonly record struct DeadlineWarningFiring(long SubjectId, DateTime DeadlineUtc, TimeSpan Offset);
