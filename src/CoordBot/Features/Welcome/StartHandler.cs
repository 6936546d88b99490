using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

/// <summary><c>/start</c>: a welcome that says what this user can do now.</summary>
internal sealed class StartHandler : ICommandHandler
{
    public CommandInfo Info { get; } = new("start", "/start", "Welcome, and what you can do now");

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var lines = new List<string>
        {
            $"Welcome to CoordBot, {Html.Escape(actor.DisplayName)}.",
            "I coordinate the council's delegations: sessions, agendas, draft texts and votes.",
        };
        lines.Add(actor.IsOperator
            ? "You are an operator of this bot. Send /help to see every command."
            : "You are not yet a member of a delegation. Ask your head of delegation or an operator for an invitation link.");
        lines.Add($"Your Telegram user id is {Html.Code(actor.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");
        context.Reply(string.Join("\n", lines));
        return Task.CompletedTask;
    }
}
