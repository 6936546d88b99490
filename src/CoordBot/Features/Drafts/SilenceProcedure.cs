using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Committees;
using CoordBot.Domain.Drafts;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The silence deadline of a draft as a Quartz job, and what happens when it passes: the draft is agreed
/// under silence and every delegation that can read it is told, once (the status change and the messages
/// commit together, and a draft no longer under silence is left alone). A press statement agreed so is adopted and
/// receives its press release symbol in the same step.
/// </summary>
public sealed class SilenceProcedure(IJobScheduler scheduler, DraftDesk desk, AdoptedSymbols symbols)
{
    public const string DraftIdKey = "draftId";

    public static JobKey JobKeyFor(long draftId) => new($"D{draftId}", "drafts.silence");

    /// <summary>Idempotent: the same deadline again changes nothing; another deadline replaces it.</summary>
    public Task ScheduleAsync(long draftId, DateTime deadlineUtc, CancellationToken cancellationToken) =>
        scheduler.ScheduleOnceAsync<SilenceDeadlineJob>(
            JobKeyFor(draftId),
            new DateTimeOffset(DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc)),
            new Dictionary<string, string> { [DraftIdKey] = draftId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);

    public Task UnscheduleAsync(long draftId, CancellationToken cancellationToken) => scheduler.UnscheduleAsync(JobKeyFor(draftId), cancellationToken);

    /// <summary>The zone a silence's working days are counted in (UTC when it is unknown).</summary>
    public static TimeZoneInfo ZoneOf(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.SilenceZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The draft's no-objection procedure as stored: the deadline while it runs, the time left while it is held.</summary>
    public static NoObjection Procedure(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return NoObjection.Restore(
            draft.SilenceDeadlineUtc,
            draft.SilenceRemainingSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            draft.SilenceWorkingDays,
            [.. draft.HolderCodes.Select(code => new SilenceHold(code, null, default))]);
    }

    /// <summary>Stores <paramref name="procedure"/> on the draft (the holds' reasons are kept in their own rows).</summary>
    public static void Keep(Draft draft, NoObjection procedure)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(procedure);
        draft.SilenceDeadlineUtc = procedure.DeadlineUtc;
        draft.SilenceRemainingSeconds = procedure.Remaining is { } left ? (long)Math.Ceiling(left.TotalSeconds) : null;
        draft.Holders = string.Join(',', procedure.Holds.Select(h => h.Code));
    }

    /// <summary>The silence ended (an objection, a withdrawal) while held: its holds end with it, recorded as such.</summary>
    public static async Task EndHoldsAsync(CoordBotDb db, Draft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        draft.Holders = string.Empty;
        draft.SilenceRemainingSeconds = null;
        await foreach (var hold in db.DraftHolds.Where(h => h.DraftId == draft.Id && h.LiftedAt == null && h.EndedAt == null).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            hold.EndedAt = nowUtc;
        }
    }

    /// <summary>
    /// The draft, when it is still under silence for <paramref name="action"/> (break or extend it). A deadline that has
    /// passed unseen is concluded now (everyone is told), and the command is refused as too late.
    /// </summary>
    public async Task<Outcome<Draft, DraftRefusal>> StillUnderSilenceAsync(UpdateContext update, Draft draft, DraftAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(draft);
        return await ConcludeIfDueAsync(update.Db, update.Outbox, draft, update.NowUtc, cancellationToken)
            ? Outcome<Draft, DraftRefusal>.Refuse(new(DraftRefusalCode.SilenceOver, draft.Id, Action: action))
            : DraftDesk.Check(draft, action);
    }

    /// <summary>Concludes the silence when its deadline has passed; false (and nothing changes) otherwise.</summary>
    public async Task<bool> ConcludeIfDueAsync(CoordBotDb db, Outbox outbox, Draft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (draft.Status != DraftStatus.UnderSilence || draft.SilenceDeadlineUtc is not { } deadline || deadline > nowUtc)
        {
            return false;
        }

        var next = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.ConcludeSilence, draft: draft.Label);
        if (!next.IsAccepted)
        {
            return false;
        }

        draft.Status = next.Value;
        draft.AgreedUnderSilenceAt = nowUtc;
        var version = await desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = 0, Action = "draft.silence.agreed", Details = $"{draft.Label} v{version.Number} {version.Hash}, deadline {deadline:O}" });
        var adopted = DraftPaths.Adopts(draft.Status);
        var symbol = adopted && DocumentSymbols.HasSeries(draft.Kind) ? await symbols.AssignAsync(db, draft, nowUtc, cancellationToken) : null;
        if (symbol is not null)
        {
            db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = 0, Action = "draft.adopted", Details = $"{draft.Label} v{version.Number} {version.Hash} adopted as {symbol} ({draft.Kind}, agreed under silence)" });
        }
        else if (adopted)
        {
            // A committee's decision: adopted by no objection, with no symbol of its own.
            draft.AdoptedAt = nowUtc;
            db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = 0, Action = "draft.adopted", Details = $"{draft.Label} v{version.Number} {version.Hash} adopted ({draft.Kind}, no objection)" });
        }

        await desk.NotifyReadersAsync(db, outbox, draft,
            language => Catalogue.Format(language, "Drafts.Silence.Agreed", draft.Label, version.Number, Html.Escape(draft.Title), Dates.InZone(language, deadline, null), version.ShortHash)
                + KindsText.AfterSilence(language, draft),
            cancellationToken, DraftDesk.SilenceStarter(draft));
        return true;
    }
}

/// <summary>Fires at a silence deadline (or at start, when the bot was down at the deadline); safe to run twice.</summary>
internal sealed class SilenceDeadlineJob(UnitOfWork unitOfWork, SilenceProcedure silence, TimeProvider time, ILogger<SilenceDeadlineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(context.MergedJobDataMap.GetString(SilenceProcedure.DraftIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var draftId))
        {
            logger.LogWarning("Silence job {Job} has no draft id", context.JobDetail.Key);
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        await unitOfWork.RunAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var draft = await db.Drafts.FindAsync([draftId], ct);
            using var body = BodyScope.Enter(draft?.BodyId);
            if (draft is null)
            {
                return; // the silence was scheduled in a transaction that did not commit
            }

            if (!await silence.ConcludeIfDueAsync(db, new Outbox(db, now), draft, now, ct) && draft.Status == DraftStatus.UnderSilence)
            {
                // Early (the deadline was extended meanwhile): /extend scheduled the new deadline, and the reconciler re-asserts it at start.
                logger.LogInformation("Silence on D{Draft} not yet due at {Now:O} (deadline {Deadline:O})", draftId, now, draft.SilenceDeadlineUtc);
            }
        }, cancellationToken);
    }
}

/// <summary>At start, re-creates the deadline job of every draft under silence from the database (idempotent).</summary>
internal sealed class SilenceReconciler(UnitOfWork unitOfWork, SilenceProcedure silence, ILogger<SilenceReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var pending = db.Drafts
            .Where(d => d.Status == DraftStatus.UnderSilence && d.SilenceDeadlineUtc != null)
            .Select(d => new { d.Id, Deadline = d.SilenceDeadlineUtc!.Value })
            .AsAsyncEnumerable();
        var count = 0;
        await foreach (var draft in pending.WithCancellation(cancellationToken))
        {
            await silence.ScheduleAsync(draft.Id, draft.Deadline, cancellationToken);
            count++;
        }

        if (count > 0)
        {
            logger.LogInformation("Silence deadlines re-asserted for {Count} draft(s)", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
