namespace CoordBot.Sandbox;

/// <summary>Section <c>Sandbox</c>: used only when there is no <c>Telegram:BotToken</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Where the bundled Bot API emulator listens.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8081";

    /// <summary>A user id that is an operator in the sandbox, so a newcomer can try operator commands.</summary>
    public long OperatorId { get; set; } = 1;

    /// <summary>"Play a council day": the pause between its steps, so a newcomer can follow it (zero: as fast as the bot answers).</summary>
    public TimeSpan CouncilDayPace { get; set; } = TimeSpan.FromSeconds(2);
}
