using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary><c>/attend S&lt;n&gt; &lt;yes|no&gt;</c>: the delegation's answer, by its head or deputy.</summary>
internal sealed class AttendHandler(Attendance attendance, AttendanceNotice notice) : Command<AttendHandler.Arguments>
{
    private static readonly Dictionary<string, bool> Answers = new(StringComparer.Ordinal) { ["yes"] = true, ["y"] = true, ["no"] = false, ["n"] = false };

    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("attend", "/attend S<n> <yes|no>", "Your delegation's answer: does it attend? (head or deputy)")
    {
        Rule = Rules.Of(Permissions.MayAnswerAttendance),
        Where = ChatScope.CouncilChat,
        Example = "/attend S3 yes",
    };

    public override CommandInfo Info => Declaration;

    protected override Arguments Parse(ArgReader args) => new(args.Id('S'), args.Choice(Answers));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var outcome = await attendance.RecordAsync(context.Update.Db, context.Actor, args.SessionId, args.Attends, context.Update.NowUtc, cancellationToken);
        await notice.ShowAsync(context.Update, outcome, asNew: true, withButtons: true, cancellationToken);
    }

    internal sealed record Arguments(long SessionId, bool Attends);
}
