using System.Net;
using System.Net.Sockets;
using AddinHost.Letters.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// Behind the linter, LibreOffice itself fetches nothing: a document linking an image and a text to a listener on this
/// machine, converted straight through the pool (as if the lint had been bypassed), makes no connection to it.
/// </summary>
public sealed class LibreOfficeFetchTests
{
    [Fact]
    public async Task A_document_with_links_converted_directly_makes_no_request_to_the_address_it_names()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                }
            }
            catch (OperationCanceledException) { }
        });

        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = 1 }),
            NullLogger<LibreOfficePool>.Instance);
        var pdf = await pool.ConvertAsync(
            TemplateAttackTests.LinkedImage($"http://127.0.0.1:{port}/image.png"),
            CancellationToken.None);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await stop.CancelAsync();
        await accepting;
        Assert.Equal(0, connections);
    }

    [Fact]
    public async Task What_libreoffice_says_of_a_failure_stays_in_the_log_and_the_caller_gets_a_fixed_french_message()
    {
        var log = new Fixtures.ListLogger<LibreOfficePool>();
        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = 1 }), log);
        var e = await Assert.ThrowsAsync<AddinHost.Infrastructure.Problems.DomainException>(() => pool.ConvertAsync(
            [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. new byte[64]], CancellationToken.None));
        Assert.Equal(AddinHost.Infrastructure.Problems.ErrorKind.Unavailable, e.Kind);
        Assert.StartsWith("La conversion en PDF a échoué", e.Message);
        Assert.DoesNotContain("/tmp", e.Message);
        Assert.Contains(log.Lines, l => l.Contains("PDF conversion failed"));
    }
}
