using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AddinHost.Tests.Fixtures;

/// <summary>Every log line of a host: its level, message, structured values and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ConcurrentQueue<(LogLevel Level, string Category, string Line)> Entries { get; } = new();
    public ILogger CreateLogger(string category) => new Logger(this, category);
    public void Dispose() { }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var line = $"{category} {level}: {formatter(state, exception)} {values} {exception}";
            sink.Lines.Enqueue(line);
            sink.Entries.Enqueue((level, category, line));
        }
    }
}
