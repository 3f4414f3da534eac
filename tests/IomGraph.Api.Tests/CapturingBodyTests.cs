using System.Buffers;
using System.Text;
using IomGraph.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IomGraph.Api.Tests;

/// <summary>The read cache's copy of an answer is the answer the client got, or nothing.</summary>
public sealed class CapturingBodyTests
{
    [Fact]
    public async Task An_answer_written_through_the_pipe_is_kept_once()
    {
        var (capture, client) = Capture();

        await capture.Writer.WriteAsync("{\"items\":[]}"u8.ToArray(), TestContext.Current.CancellationToken);
        await capture.FinishAsync();

        Assert.Equal("{\"items\":[]}", Encoding.UTF8.GetString(capture.Answer()!.Body));
        Assert.Equal("{\"items\":[]}", Encoding.UTF8.GetString(client.ToArray()));
    }

    /// <summary>
    /// A flush with a cancelled token (the request timed out, or the client left) fails in the connection's stream and
    /// leaves the bytes in the pipe, which the end of the answer flushes again: the copy held them twice and was kept.
    /// </summary>
    [Fact]
    public async Task An_answer_whose_write_failed_is_not_kept()
    {
        var (capture, client) = Capture();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        capture.Writer.Write("{\"items\":[]}"u8);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await capture.Writer.FlushAsync(cancelled.Token));
        await capture.FinishAsync();

        Assert.Null(capture.Answer());
        Assert.Equal("{\"items\":[]}", Encoding.UTF8.GetString(client.ToArray()));
    }

    private static (CapturingBody Capture, MemoryStream Client) Capture()
    {
        var http = new DefaultHttpContext();
        http.Response.StatusCode = StatusCodes.Status200OK;
        var client = new RefusesWhenCancelled();
        return (new CapturingBody(new StreamResponseBodyFeature(client), http.Response, 1 << 20), client);
    }

    /// <summary>A connection's stream: a write with a cancelled token fails before it writes anything, as Kestrel's does.</summary>
    private sealed class RefusesWhenCancelled : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : base.WriteAsync(buffer, cancellationToken);
    }
}
