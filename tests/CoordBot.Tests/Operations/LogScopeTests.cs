using System.Collections.Concurrent;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordBot.Tests.Operations;

public sealed class LogScopeTests
{
    [Fact]
    public async Task A_failing_update_is_logged_with_its_update_id_chat_and_command_and_without_its_text()
    {
        var captured = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(configure: s =>
        {
            s.AddCommand<FailingHandler>();
            s.AddSingleton<ILoggerProvider>(captured);
        });

        await bot.AskAsync(4711, "/fail our secret wording");

        var failure = Assert.Single(captured.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("failed; its changes were rolled back", StringComparison.Ordinal));
        Assert.Equal(4711L, failure.Scope["ChatId"]);
        Assert.IsType<long>(failure.Scope["UpdateId"]);
        Assert.Equal("fail", failure.Scope["Command"]);
        Assert.DoesNotContain(captured.Entries, e => e.Message.Contains("secret", StringComparison.Ordinal));
    }

    private sealed class FailingHandler : ICommandHandler
    {
        public CommandInfo Info { get; } = new("fail", "/fail", "Fails", InMenu: false) { Rule = Rules.Anyone };

        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failed");
    }

    private sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object> Scope);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object>();
                owner._scopes.ForEachScope((s, into) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                }, scope);
                owner.Entries.Enqueue(new Entry(logLevel, formatter(state, exception), scope));
            }
        }
    }
}
