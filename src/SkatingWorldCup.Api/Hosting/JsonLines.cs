using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace SkatingWorldCup.Api.Hosting;

// The JSON log lines outside Development, as the built-in JSON console logger writes them (its own formatter and
// options make each line), but handed to stdout differently. The console logger takes a lock per line, wakes its writer
// per line and flushes stdout per line: that was half the CPU of a 304 and a third of a cached standings answer
// (bench/README.md). Here a line goes into a lock-free queue, and one writer thread writes whatever has queued up with
// one write and one flush. Lines still leave at once when the API is quiet; under load they leave in batches.
// Measured again against the built-in one with its bounded queue (MaxQueueLength 10,000, QueueFullMode.DropWrite), both
// APIs side by side under wrk, 8 alternating rounds: with the built-in logger cached standings ran at 0.87x and 304s at
// 0.78x of these (15,202 -> 13,253 and 34,827 -> 27,125 req/s, medians), so this stays.
[ProviderAlias("Console")] // Logging:Console:LogLevel still applies
public sealed class JsonLinesLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter;
    private readonly Stream _output;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _idle;
    private int _queued;
    private int _dropped;
    private volatile bool _stopping;

    // Lines waiting for stdout at most (a few MB): a reader that stops reading must not make the API hold every line it
    // logs. Beyond it lines are dropped and counted, and a line says how many once the writer catches up.
    public const int MaxQueued = 10_000;

    public JsonLinesLoggerProvider(IEnumerable<ConsoleFormatter> formatters) : this(formatters.Single(f => f.Name == ConsoleFormatterNames.Json), Console.OpenStandardOutput())
    {
    }

    public JsonLinesLoggerProvider(ConsoleFormatter formatter, Stream output)
    {
        _formatter = formatter;
        _output = output;
        _writer = new Thread(WriteLines) { IsBackground = true, Name = "JSON log lines" };
        _writer.Start();
    }

    public static void Use(ILoggingBuilder logging, Action<JsonConsoleFormatterOptions> configure)
    {
        logging.AddJsonConsole(configure); // the formatter and its options
        foreach (var console in logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            logging.Services.Remove(console);
        }
        logging.Services.AddSingleton<ILoggerProvider, JsonLinesLoggerProvider>();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    // Called from any thread: formatting happens here, where the state and the scopes are valid.
    private void Enqueue(string line)
    {
        if (Interlocked.Increment(ref _queued) > MaxQueued)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _lines.Enqueue(line);
        // Wake the writer only if it went to sleep: Interlocked on both sides, so either it sees the line or we see it idle.
        if (Volatile.Read(ref _idle) == 1 && Interlocked.Exchange(ref _idle, 0) == 1)
        {
            _wake.Set();
        }
    }

    private void WriteLines()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        while (true)
        {
            while (_lines.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref _queued);
                Encoding.UTF8.GetBytes(line, buffer);
                if (buffer.WrittenCount >= 256 * 1024)
                {
                    break;
                }
            }
            if (buffer.WrittenCount > 0)
            {
                Flush(buffer);
                continue;
            }
            if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
            {
                Encoding.UTF8.GetBytes(DroppedLine(dropped), buffer);
                Flush(buffer);
                continue;
            }
            if (_stopping)
            {
                return;
            }
            _wake.Reset();
            Interlocked.Exchange(ref _idle, 1);
            if (_lines.IsEmpty && !_stopping)
            {
                _wake.Wait(); // until Enqueue or Dispose sets it
            }
            Interlocked.Exchange(ref _idle, 0);
        }
    }

    private void Flush(ArrayBufferWriter<byte> buffer)
    {
        try
        {
            _output.Write(buffer.WrittenSpan);
            _output.Flush();
        }
        catch (IOException)
        {
            // stdout closed (the collector went away): the lines are dropped, as the console logger drops them.
        }
        buffer.ResetWrittenCount();
    }

    private static string DroppedLine(int dropped) =>
        $"{{\"Timestamp\":\"{DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\",\"EventId\":0,\"LogLevel\":\"Warning\",\"Category\":\"{typeof(JsonLinesLoggerProvider).FullName}\","
        + $"\"Message\":\"{dropped} log lines dropped: stdout did not keep up\",\"State\":{{\"Dropped\":{dropped}}}}}{Environment.NewLine}";

    // Writes what is queued, then stops: the host disposes its logger providers when it shuts down.
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _writer.Join(TimeSpan.FromSeconds(5));
        _wake.Dispose();
    }

    private sealed class Logger(JsonLinesLoggerProvider provider, string category) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? t_text;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var text = t_text ??= new StringWriter();
            provider._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, text);
            var written = text.GetStringBuilder();
            if (written.Length == 0)
            {
                return;
            }
            provider.Enqueue(written.ToString());
            written.Clear();
            if (written.Capacity > 16 * 1024)
            {
                written.Capacity = 1024;
            }
        }
    }
}
