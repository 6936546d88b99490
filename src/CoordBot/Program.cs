using CoordBot;

try
{
    if (await CoordBot.Operations.Backups.BackupVerbs.TryRunAsync(args, Console.Out, Console.Error) is { } verbExitCode) return verbExitCode;
    if (await CoordBot.Persistence.Copy.CopyVerb.TryRunAsync(args, Console.Out, Console.Error) is { } copyExitCode) return copyExitCode;
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddCoordBot();
    using var host = builder.Build();
    // Every option is validated and the database made ready before the host starts, so a wrong setting
    // stops the bot with one clear line instead of a half-started host and a stack trace.
    await host.PrepareCoordBotAsync(CancellationToken.None);
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationError.Describe(ex) is { } error)
{
    await Console.Error.WriteLineAsync($"coordbot: configuration error: {error}");
    return 2;
}
