using AddinHost.Infrastructure.Data;
using Npgsql;

namespace AddinHost.Tests.Infrastructure;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void The_host_keeps_its_repeated_statements_prepared_unless_the_administrator_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned("Host=db;Database=dunning;Username=u"));
        Assert.Equal((PostgresConnection.MaxAutoPrepare, PostgresConnection.AutoPrepareMinUsages, "db"),
            (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages, tuned.Host));

        const string behindPooler = "Host=db;Database=dunning;Max Auto Prepare=0";
        Assert.Equal(behindPooler, PostgresConnection.Tuned(behindPooler));
    }
}
