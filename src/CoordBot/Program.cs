using CoordBot;
using Microsoft.Extensions.Options;

try
{
    if (await CoordBot.Operations.Backups.BackupVerbs.TryRunAsync(args, Console.Out, Console.Error) is { } verbExitCode) return verbExitCode;
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddCoordBot();
    using var host = builder.Build();
    // Validate every option now, so a wrong setting stops the bot with one clear line, not a stack trace.
    host.ValidateCoordBotConfiguration();
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"coordbot: configuration error: {string.Join("; ", ex.Failures)}");
    return 2;
}
catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException or ConfigurationException))
{
    await Console.Error.WriteLineAsync($"coordbot: configuration error: {string.Join("; ", ex.InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).Distinct())}");
    return 2;
}
catch (ConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"coordbot: configuration error: {ex.Message}");
    return 2;
}
