namespace IomGraph.Formats;

/// <summary>
/// A forward-only stream that keeps what is written to it until it is drained, asynchronously, into the real output.
/// The writers write synchronously here (JsonSerializer flushes its Utf8JsonWriter, a zip entry writes its last block
/// when it closes, even through the async zip API), and each format drains the spool every few kilobytes, so the
/// response body sees only asynchronous writes (Kestrel forbids the others) and nothing holds the whole export. It also
/// means that when a write fails half-way, disposing the writers closes their elements and arrays in the spool only:
/// the output is never made to look complete.
/// </summary>
internal sealed class SpoolStream : Stream
{
    /// <summary>Bytes the spool may hold before a format drains it.</summary>
    public const int DrainThreshold = 32 * 1024;

    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>How many bytes have gone through the spool: the position in the real output.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public long Pending => _pending.Length;

    /// <summary>Hands what the spool holds to <paramref name="output"/> when it holds at least <paramref name="atLeast"/> bytes.</summary>
    public async ValueTask DrainAsync(Stream output, CancellationToken cancellationToken, int atLeast = 1)
    {
        if (_pending.Length < Math.Max(atLeast, 1))
        {
            return;
        }

        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
