using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SkatingWorldCup.Api.Tests.Support;

// A logger provider that keeps every entry with its structured fields, for tests that check what the app logs.
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            logs._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), fields.ToDictionary(f => f.Key, f => f.Value)));
        }
    }
}
