using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AddinHost.Tests.Fixtures;

/// <summary>The test server has no network peer: the <c>X-Test-Remote-Ip</c> header stands for the
/// caller's address.</summary>
public sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextStep) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header], out var ip)) http.Connection.RemoteIpAddress = ip;
            return nextStep(http);
        });
        next(app);
    };
}
