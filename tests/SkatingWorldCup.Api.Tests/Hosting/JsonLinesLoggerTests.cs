using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SkatingWorldCup.Api.Hosting;

namespace SkatingWorldCup.Api.Tests.Hosting;

// No database: the provider that writes the JSON log lines, fed from many threads at once.
public sealed class JsonLinesLoggerTests
{
    private static JsonLinesLoggerProvider Provider(Stream output)
    {
        var services = new ServiceCollection().AddLogging(b => JsonLinesLoggerProvider.Use(b, o => o.IncludeScopes = true)).BuildServiceProvider();
        var provider = new JsonLinesLoggerProvider(services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json), output);
        provider.SetScopeProvider(new LoggerExternalScopeProvider());
        return provider;
    }

    [Fact]
    public void Every_line_logged_from_many_threads_is_written_once_whole_with_its_state_and_scope()
    {
        var output = new CapturedStream();
        var provider = Provider(output);
        var logger = provider.CreateLogger("Tests.Requests");

        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                using (logger.BeginScope("thread {Thread}", thread))
                {
                    logger.LogInformation("GET {Path} answered {StatusCode}", $"/line/{thread}/{i}", 200);
                }
            }
        });
        provider.Dispose(); // writes what is queued

        var lines = output.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(40_000);
        var parsed = lines.Select(l => JsonNode.Parse(l)!).ToList();
        parsed.Select(p => (string)p["State"]!["Path"]!).Distinct().Count().ShouldBe(40_000);
        parsed.ShouldAllBe(p => (string)p["Category"]! == "Tests.Requests" && (string)p["LogLevel"]! == "Information" && (int)p["State"]!["StatusCode"]! == 200);
        parsed.ShouldAllBe(p => ((string)p["State"]!["Path"]!).StartsWith("/line/" + p["Scopes"]![0]!["Thread"]!.ToString() + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_logged_while_the_API_is_quiet_is_written_at_once()
    {
        var output = new CapturedStream();
        using var provider = Provider(output);
        var logger = provider.CreateLogger("Tests.Quiet");
        logger.LogInformation("first");
        await Task.Delay(1500); // the writer is asleep now

        logger.LogWarning("second");
        var deadline = DateTime.UtcNow.AddSeconds(5); // the writer sleeps until woken: without a wake-up, never
        while (!output.Text().Contains("second", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        output.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JsonNode.Parse(l)!["Message"]!).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void When_stdout_stops_reading_lines_beyond_the_limit_are_dropped_and_counted_not_kept()
    {
        var output = new CapturedStream();
        using var provider = Provider(output);
        var logger = provider.CreateLogger("Tests.Blocked");
        output.Block();
        logger.LogInformation("line {N}", -1); // the writer takes it and stays in Write
        Thread.Sleep(200);

        for (var i = 0; i < 2 * JsonLinesLoggerProvider.MaxQueued; i++)
        {
            logger.LogInformation("line {N}", i);
        }
        output.Release();
        provider.Dispose();

        var lines = output.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var written = lines.Count(l => (string)l["Category"]! == "Tests.Blocked");
        var dropped = lines.Where(l => (string)l["LogLevel"]! == "Warning").Select(l => (int)l["State"]!["Dropped"]!).Sum();
        written.ShouldBe(1 + JsonLinesLoggerProvider.MaxQueued);
        (written + dropped).ShouldBe(1 + 2 * JsonLinesLoggerProvider.MaxQueued);
    }

    private sealed class CapturedStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        private readonly ManualResetEventSlim _open = new(true);

        public void Block() => _open.Reset();

        public void Release() => _open.Set();

        public string Text()
        {
            lock (_bytes)
            {
                return Encoding.UTF8.GetString(_bytes.ToArray());
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _open.Wait();
            lock (_bytes)
            {
                _bytes.Write(buffer);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
