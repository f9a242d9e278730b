using System.Data.Common;
using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// Rows written in bulk (past EF) are stored as EF stores them: same storage types and texts, so that queries,
/// comparisons and reads cannot tell them apart.
/// </summary>
public abstract class BulkInsertTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task Rows_written_in_bulk_are_stored_exactly_as_ef_stores_them()
    {
        var creditor = await CreateCreditorAsync();
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = TenantScope.For(scopes, App.Tenant, "test");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var byEf = Rows(creditor, "EF");
        db.AddRange(byEf.Debtor, byEf.Case, byEf.Invoice, byEf.Payment);
        CaseHistory.Record(db, byEf.Case.Id, Line);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var bulk = Rows(creditor, "BC");
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, [bulk.Debtor], App.Tenant, CancellationToken.None);
            await BulkInsert.WriteAsync(db, [bulk.Case], App.Tenant, CancellationToken.None);
            await BulkInsert.WriteAsync(db, [bulk.Invoice], App.Tenant, CancellationToken.None);
            await BulkInsert.WriteAsync(db, [bulk.Payment], App.Tenant, CancellationToken.None);
            var e = CaseHistory.Record(db, bulk.Case.Id, Line);
            db.Entry(e).State = EntityState.Detached;
            e.TenantId = App.Tenant;
            await BulkInsert.WriteAsync(db, [e], App.Tenant, CancellationToken.None);
            await tx.CommitAsync();
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var table in new[] { "Debtors", "Cases", "Invoices", "Payments", "CaseEvents" })
        {
            var rows = await ReadAsync(connection, table);
            Assert.Equal(2, rows.Count);
            foreach (var (column, value) in rows[0])
            {
                var other = rows[1][column];
                // Ids and the keys made unique by their suffix differ by design: only their form must match.
                if (column == "Id" || column is "Key" or "Reference" or "Number" or "Name"
                    || (column.EndsWith("Id", StringComparison.Ordinal)
                        && column is not "TenantId" and not "CreditorId"))
                    Assert.True(Shape(value) == Shape(other), $"{table}.{column}: {value} / {other}");
                else
                    Assert.True(Equals(value, other), $"{table}.{column}: {value} ({value?.GetType().Name}) / {other} "
                        + $"({other?.GetType().Name})");
            }
        }
        // And they read back as rows EF wrote.
        var read = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Id == bulk.Invoice.Id);
        Assert.Equal((1234.5m, (decimal?)null, (decimal?)10.25m, new DateOnly(2025, 3, 31)),
            (read.AmountTtc, read.AmountHt, read.ContractRatePercent, read.DueDate));
        Assert.Single(await db.Set<Payment>().AsNoTracking().Where(p => p.InvoiceId == bulk.Invoice.Id).ToListAsync());
    }

    [Fact]
    public async Task Amounts_and_dates_of_every_shape_are_stored_as_ef_stores_them()
    {
        var (scope, db, c) = await CaseAsync("EDGE");
        await using var _ = scope;
        // Trailing zeros, no decimals, tiny and large amounts, negatives; early and late dates.
        decimal[] amounts =
            [12.50m, 100m, 100.00m, 0m, 0.001m, 123456789.1200m, -3.10m, 0.0000000000000000000000000001m];
        DateOnly[] dates = [new(999, 1, 1), new(2025, 3, 1), new(2025, 12, 31), new(9999, 12, 31)];
        List<Payment> Payments(string source) => amounts.Select((a, i) => new Payment
        {
            CaseId = c.Id, Date = dates[i % dates.Length], Amount = a, Reference = $"{source}-{i}",
            Source = PaymentSource.Import, TenantId = App.Tenant,
        }).ToList();
        db.AddRange(Payments("ef"));
        await db.SaveChangesAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, Payments("bulk"), App.Tenant, CancellationToken.None);
            await tx.CommitAsync();
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var stored = (await ReadAsync(connection, "Payments")).ToDictionary(r => (string)r["Reference"]!);
        for (var i = 0; i < amounts.Length; i++)
        {
            var (ef, bulk) = (stored[$"ef-{i}"], stored[$"bulk-{i}"]);
            Assert.Equal((ef["Amount"], ef["Date"]), (bulk["Amount"], bulk["Date"]));
        }
    }

    [Fact]
    public async Task Many_rows_with_long_empty_and_missing_texts_are_all_stored_as_written()
    {
        var (scope, db, c) = await CaseAsync("MANY");
        await using var _ = scope;
        // Several full statements and a shorter last one; texts long enough to outgrow the encoder's first buffer;
        // an empty text must stay '' and a missing one NULL.
        string? Reference(int i) => (i % 3) switch
        {
            0 => null,
            1 => "",
            _ => $"virement n° {i} — " + new string('é', 400),
        };
        var payments = Enumerable.Range(0, 1_000).Select(i => new Payment
        {
            CaseId = c.Id, Date = new DateOnly(2025, 1, 1).AddDays(i), Amount = i + 0.01m, Reference = Reference(i),
            Source = PaymentSource.Import, TenantId = App.Tenant,
        }).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, payments, App.Tenant, CancellationToken.None);
            await tx.CommitAsync();
        }

        var stored = await db.Set<Payment>().AsNoTracking().Where(p => p.CaseId == c.Id).ToListAsync();
        Assert.Equal(1_000, stored.Count);
        foreach (var p in stored)
        {
            var i = (int)decimal.Truncate(p.Amount);
            Assert.Equal((Reference(i), new DateOnly(2025, 1, 1).AddDays(i)), (p.Reference, p.Date));
        }
        Assert.Equal(333, await db.Set<Payment>().CountAsync(p => p.CaseId == c.Id && p.Reference == ""));
    }

    /// <summary>A tenant scope, its context and a stored case (with its debtor) for rows to point to.</summary>
    private async Task<(AsyncServiceScope Scope, DunningDbContext Db, RecoveryCase Case)> CaseAsync(string suffix)
    {
        var creditor = await CreateCreditorAsync();
        var scope = TenantScope.For(App.Services.GetRequiredService<IServiceScopeFactory>(), App.Tenant, "test");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var (debtor, c, _, _) = Rows(creditor, suffix);
        db.AddRange(debtor, c);
        await db.SaveChangesAsync();
        return (scope, db, c);
    }

    private static readonly HistoryLine Line = new(CaseEventKind.EtapeEffectuee, "Relance « amiable »", "test",
        new DateTimeOffset(2025, 9, 30, 8, 15, 30, 123, TimeSpan.Zero))
    {
        EffectiveOn = new DateOnly(2025, 9, 30), Level = 1, StepName = "amiable", InvoiceNumbers = ["F-1", "F-2"],
    };

    private (Debtor Debtor, RecoveryCase Case, Invoice Invoice, Payment Payment) Rows(Guid creditor, string suffix)
    {
        var debtor = new Debtor
        {
            Key = "aux:" + suffix, Name = "Client " + suffix, Kind = DebtorKind.Consommateur, Email = "a@b.example",
            City = "Lyon", ConsentsToElectronicRegisteredMail = true, TenantId = App.Tenant,
        };
        var c = new RecoveryCase
        {
            CreditorId = creditor, DebtorId = debtor.Id, OpenedOn = new DateOnly(2025, 9, 30),
            Reference = "DR-2025-" + suffix, FeeAgreementExemption = FeeAgreementExemption.ForceMajeure,
            TitleIncreaseWaived = true, TenantId = App.Tenant,
        };
        var invoice = new Invoice
        {
            CaseId = c.Id, CreditorId = creditor, Number = "F-" + suffix, IssueDate = new DateOnly(2025, 3, 1),
            DueDate = new DateOnly(2025, 3, 31), AmountTtc = 1234.5m, ContractRatePercent = 10.25m,
            TenantId = App.Tenant,
        };
        var payment = new Payment
        {
            CaseId = c.Id, InvoiceId = invoice.Id, Date = new DateOnly(2025, 9, 30), Amount = 0.1m,
            Source = PaymentSource.Import, TenantId = App.Tenant,
        };
        return (debtor, c, invoice, payment);
    }

    private static async Task<List<Dictionary<string, object?>>> ReadAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                i => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    // An array (text[] on PostgreSQL) compares by its items.
                    string[] items => "[" + string.Join("|", items) + "]",
                    var v => v,
                }));
        return rows;
    }

    /// <summary>The value's type and, for a text, its characters' classes (upper-case hex stays apart from
    /// lower-case).</summary>
    private static string Shape(object? value) => value switch
    {
        null => "null",
        string s => "string:" + new string(s.Select(ch => ch switch
        {
            >= '0' and <= '9' or >= 'A' and <= 'F' => 'X',
            >= 'a' and <= 'f' => 'x',
            _ => ch,
        }).ToArray()),
        _ => value.GetType().Name,
    };
}

public sealed class BulkInsertOnSqlite() : BulkInsertTests(DbKind.Sqlite);
public sealed class BulkInsertOnPostgres() : BulkInsertTests(DbKind.Postgres);
