using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Problems;
using AddinHost.Cases.Demo;
using AddinHost.Cases.Import;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Cases.Reports;

namespace AddinHost.Cases;

public static class CasesExtensions
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CaseRepository>();
        s.AddScoped<CaseService>();
        s.AddScoped<CaseCommands>();
        s.AddScoped<CaseLegalCommands>();
        s.AddScoped<CreditorService>();
        s.AddScoped<CabinetService>();
        s.AddScoped<PolicyStore>();
        s.AddScoped<RateStore>();
        s.AddScoped<InvoiceImporter>();
        s.AddScoped<ImportWriter>();
        s.AddScoped<ImportTimings>();
        s.AddScoped<ImportTurns>();
        s.AddOptions<ImportLimits>().Bind(builder.Configuration.GetSection(ImportLimits.Section))
            .ValidateFrench(ImportLimits.Section);
        s.AddScoped<CaseEntry>();
        s.AddScoped<ReportService>();
        s.AddScoped<DemoSeeder>();
        s.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        s.AddProblemMapping<MissingRateException>(ErrorKind.Unprocessable);
        return builder;
    }

    public static IEndpointRouteBuilder MapCasesFeature(this IEndpointRouteBuilder app) => app
        .MapCases()
        .MapCaseLegal()
        .MapCreditors()
        .MapCabinet()
        .MapImport()
        .MapPolicies()
        .MapRates()
        .MapInterest()
        .MapReports();
}
