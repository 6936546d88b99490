using CoordBot.Domain;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// A button's declaration, as <see cref="CommandInfo"/> is a command's: the prefix of its data and who may press it
/// (<see cref="Rule"/>, required). The router checks the place and then the rule before the handler runs, so a
/// handler never decides who may act; a refusal is told as <see cref="RefusedAs"/> says, in the catalogue's words.
/// </summary>
public sealed record ButtonInfo(string Prefix)
{
    /// <summary>Who may press the button: a rule of the domain's permissions (see <see cref="Rules"/>), required of every button.</summary>
    public required Func<Actor, Verdict> Rule { get; init; }

    /// <summary>How the presser hears a refusal (where the button's answers always went).</summary>
    public ButtonRefusal RefusedAs { get; init; } = ButtonRefusal.Reply;

    /// <summary>With <see cref="ButtonRefusal.Reply"/>: the catalogue key of a short toast pointing at the reply (none: an empty answer).</summary>
    public string? ToastKey { get; init; }
}

/// <summary>Where a refused press is answered: a toast is seen by the presser alone, a reply by the chat.</summary>
public enum ButtonRefusal
{
    /// <summary>The reason as a reply in the chat (with <see cref="ButtonInfo.ToastKey"/>'s toast, if any).</summary>
    Reply,

    /// <summary>The reason as the toast only.</summary>
    Toast,

    /// <summary>The reason as the toast and as a reply.</summary>
    ToastAndReply,
}
