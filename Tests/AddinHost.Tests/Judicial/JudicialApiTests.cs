using AddinHost.Cases;
using AddinHost.Calendar;
using AddinHost.Judicial;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The judicial phase through the real host and database. Today is 30/09/2025. Garage Fontaine SARL (Grenoble, 38000)
/// owes F-001 and F-002 to a client of the firm (SampleFiles.TypicalCsv); its reminders were taken on 01/09 and
/// 10/09, the
/// mise en demeure on 12/09, received on 14/09: the « phase judiciaire » level is due from 29/09 (15 days after
/// receipt).
/// </summary>
public abstract class JudicialApiTests(DbKind kind) : ApiTestBase(kind)
{
    private async Task<Guid> AtJudicialStepAsync(CaseSummaryDto c)
    {
        await NoticeScenario.TakeRemindersAsync(Client, c.Id);
        (await Client.PostJsonAsync($"/api/cases/{c.Id}/steps", new { level = 3, date = "2025-09-12" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{c.Id}/notice-receipt", new { level = 3, date = "2025-09-14" }))
            .EnsureSuccessStatusCode();
        return c.Id;
    }

    private async Task<JudicialView> ViewAsync(Guid id) =>
        await (await Client.GetAsync($"/api/cases/{id}/judiciaire")).ReadAsync<JudicialView>();

    private Task<HttpResponseMessage> Post(Guid id, string path, object body) =>
        Client.PostJsonAsync($"/api/cases/{id}/judiciaire/{path}", body);

    private Task<HttpResponseMessage> Event(Guid id, object body) => Post(id, "events", body);

    private Task<HttpResponseMessage> Put(Guid id, string path, object body) =>
        Client.PutJsonAsync($"/api/cases/{id}/judiciaire/{path}", body);

    private async Task<string> AuditAsync() => await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();

    [Fact]
    public async Task Before_the_judicial_step_the_routes_are_explained_but_none_can_be_chosen()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var view = await ViewAsync(company.Id);
        Assert.False(view.Decision.Reached);
        Assert.Contains("n'a pas atteint la phase judiciaire", view.Decision.Situation);
        var refused = await (await Post(company.Id, "route",
            new { route = "InjonctionDePayer" })).ProblemAsync(409);
        Assert.Contains("phase judiciaire", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_commercial_claim_offers_the_injunction_small_claims_and_referee_and_the_choice_is_recorded()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(company);
        var view = await ViewAsync(id);
        var details = await GetCaseAsync(id);
        Assert.True(view.Decision.Reached);
        Assert.Null(view.Decision.StoppedBy);
        Assert.Equal(details.Amounts!.Total, view.Decision.Amount); // the case view's total, to the cent
        var routes = view.Decision.Options.ToDictionary(o => o.Route);
        Assert.True(routes[JudicialRoute.InjonctionDePayer].Fits);
        Assert.Contains("art. 1405 CPC", routes[JudicialRoute.InjonctionDePayer].Reason);
        // 3 200,00 € of principal plus penalties: under 5 000 €
        Assert.True(routes[JudicialRoute.PetitesCreances].Fits);
        Assert.Contains(routes[JudicialRoute.PetitesCreances].Conditions, c => c.Contains("silence vaut refus"));
        Assert.Contains("873 al. 2", routes[JudicialRoute.RefereProvision].Reason); // commercial: the commercial court
        Assert.True(routes[JudicialRoute.ClassementIrrecouvrable].Fits);
        Assert.True(routes[JudicialRoute.RetourAmiable].Fits);
        Assert.DoesNotContain(JudicialRoute.Batonnier, routes.Keys);

        // Material competence: the président of the commercial court; territorial: the debtor's seat, never guessed.
        Assert.Equal(ClaimNature.Commerciale, view.Nature);
        Assert.Equal(InjunctionCourtKind.TribunalDeCommerce, view.Court.Competence.Kind);
        Assert.Equal("Grenoble (38000)", view.Court.Competence.DebtorCommune);
        Assert.Contains("CPC 1406 al. 2", view.Court.Competence.Territory);
        Assert.Null(view.Court.ChosenName);
        Assert.Contains("ne la devine pas", view.Court.Warning);

        await (await Post(id, "route", new { })).ProblemAsync(400);
        await (await Post(id, "route", new { route = "Batonnier" })).ProblemAsync(409);
        var chosen = await (await Post(id, "route",
            new { route = "InjonctionDePayer", note = "client d'accord" })).ReadAsync<JudicialView>();
        Assert.Equal((JudicialRoute.InjonctionDePayer, new DateOnly(2025, 9, 30)),
            (chosen.ChosenRoute, chosen.ChosenOn));
        var history = (await GetCaseAsync(id)).History.Where(h => h.Kind == CaseEventKind.PhaseJudiciaire).ToList();
        Assert.Contains(history, h => h.Summary.StartsWith("Phase judiciaire : voie choisie — injonction de payer") &&
            h.Summary.Contains("client d'accord"));
        var audit = await AuditAsync();
        Assert.Contains("judiciaire.voie", audit);
        Assert.DoesNotContain("Fontaine", audit);
    }

    [Fact]
    public async Task A_consumers_claim_goes_to_the_tribunal_judiciaire_and_a_lease_to_the_protection_judge()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(consumer);
        var view = await ViewAsync(id);
        Assert.Equal((ClaimNature.Civile, InjunctionCourtKind.TribunalJudiciaire),
            (view.Nature, view.Court.Competence.Kind));
        Assert.Contains("quel que soit le montant", view.Court.Competence.Reason);
        Assert.Contains("835 al. " +
            "2", view.Decision.Options.Single(o => o.Route == JudicialRoute.RefereProvision).Reason);
        Assert.Contains("le lieu où demeure le débiteur", view.Court.Competence.Territory);

        await (await Put(id, "situation", new { })).ProblemAsync(400);
        var lease = await (await Put(id, "situation", new { nature = "BailHabitation" }))
            .ReadAsync<JudicialView>();
        Assert.Equal(InjunctionCourtKind.JugeDesContentieuxDeLaProtection, lease.Court.Competence.Kind);
        Assert.True(lease.NatureSetByLawyer);
        Assert.Contains("bail d'habitation", lease.Court.Competence.Reason);
        var credit = await (await Put(id, "situation", new { nature = "CreditConsommation" }))
            .ReadAsync<JudicialView>();
        Assert.Equal(InjunctionCourtKind.JugeDesContentieuxDeLaProtection, credit.Court.Competence.Kind);

        // The lawyer picks the court; the choice is kept and written to the history.
        await (await Put(id, "court",
            new { kind = "TribunalJudiciaire", name = "tribunal de commerce de Toulouse" })).ProblemAsync(400);
        var court = await (await Put(id, "court",
            new { kind = "JugeDesContentieuxDeLaProtection", name = "tribunal judiciaire de " +
                "Toulouse" })).ReadAsync<JudicialView>();
        Assert.Equal(("tribunal judiciaire de Toulouse", (string?)null), (court.Court.ChosenName, court.Court.Warning));
        Assert.Equal("tribunal judiciaire de Toulouse", (await ViewAsync(id)).Court.ChosenName);
        Assert.Contains((await GetCaseAsync(id)).History, h => h.Summary.Contains("juridiction choisie par l'avocat " +
            "— tribunal judiciaire de Toulouse (débiteur : Toulouse (31000))"));
        Assert.Contains("judiciaire.juridiction", await AuditAsync());
    }

    [Fact]
    public async Task The_firms_own_fees_go_to_the_batonnier_not_to_the_courts()
    {
        await SeedTypicalAsync();
        var firm = (await (await Client.PostJsonAsync("/api/creditors", new { name = "Cabinet " +
            "Delaunay", kind = "Cabinet" }))
            .ReadAsync<CreditorEndpoints.CreditorDto>()).Id;
        (await Client.PostAsync("/api/import/invoices",
                SampleFiles.Form(SampleFiles.TypicalCsv("HON"), creditorId: firm)))
            .EnsureSuccessStatusCode();
        var fees = (await ListCasesAsync()).Single(c => c.Creditor == "Cabinet Delaunay" && c.Debtor == "Garage " +
            "Fontaine SARL");
        var id = await AtJudicialStepAsync(fees);
        var view = await ViewAsync(id);
        Assert.Equal([JudicialRoute.Batonnier, JudicialRoute.RetourAmiable, JudicialRoute.ClassementIrrecouvrable],
            view.Decision.Options.Select(o => o.Route));
        Assert.Contains("décret n° 91-1197", view.Decision.Options[0].Reason);
        Assert.Contains("art. 174", view.Decision.Options[0].Reason);
        await (await Post(id, "route", new { route = "InjonctionDePayer" })).ProblemAsync(409);
        (await Post(id, "route", new { route = "Batonnier" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Insolvency_proceedings_stop_every_action_and_an_EU_debtor_gets_the_european_order()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(company);
        await (await Put(id, "situation",
            new { insolvency = "RedressementJudiciaire" })).ProblemAsync(400);
        await (await Put(id, "situation",
            new { insolvency = "RedressementJudiciaire", insolvencyOpenedOn = "2025-10-01" })).ProblemAsync(400);
        var stopped = await (await Put(id, "situation",
            new { insolvency = "RedressementJudiciaire", insolvencyOpenedOn = "2025-09-20" }))
            .ReadAsync<JudicialView>();
        Assert.Contains("L.622-21", stopped.Decision.StoppedBy);
        Assert.Contains("20/09/2025", stopped.Decision.StoppedBy);
        Assert.Equal([JudicialRoute.DeclarationDeCreance, JudicialRoute.ClassementIrrecouvrable],
            stopped.Decision.Options.Select(o => o.Route));
        var refused = await (await Post(id, "route",
            new { route = "InjonctionDePayer" })).ProblemAsync(409);
        Assert.Contains("L.622-21", refused.GetProperty("detail").GetString());
        Assert.Contains((await GetCaseAsync(id)).History, h => h.Summary.Contains("redressement judiciaire depuis le " +
            "20/09/2025"));

        (await Put(id, "situation", new { clearInsolvency = true })).EnsureSuccessStatusCode();
        await (await Put(id, "situation", new { debtorCountry = "Belgique" })).ProblemAsync(400);
        var eu = await (await Put(id, "situation", new { debtorCountry = "be" }))
            .ReadAsync<JudicialView>();
        Assert.Contains("1896/2006", eu.Decision.StoppedBy);
        Assert.Equal(JudicialRoute.InjonctionDePayerEuropeenne, eu.Decision.Options[0].Route);
        Assert.Contains("judiciaire.situation", await AuditAsync());
    }

    [Fact]
    public async Task The_injunction_is_followed_from_filing_to_enforceability_with_its_deadlines()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(company);
        await (await Event(id, new { kind = "Depot", on = "2025-09-30", court = "tribunal de commerce de Grenoble" }))
            .ProblemAsync(409); // no route chosen yet
        (await Post(id, "route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Put(id, "court",
            new { kind = "TribunalDeCommerce", name = "tribunal de commerce de Grenoble" })).EnsureSuccessStatusCode();
        await (await Event(id, new { kind = "Ordonnance", on = "2025-09-30", outcome = "Totale" })).ProblemAsync(409);
        await (await Event(id, new { kind = "Depot", on = "2025-10-01" })).ProblemAsync(400); // future
        var filed = await (await Event(id, new { kind = "Depot", on = "2025-09-15", caseNumber = "2025R01234" }))
            .ReadAsync<JudicialView>();
        Assert.Equal(("tribunal de commerce de " +
            "Grenoble", "2025R01234"), (filed.Injunction!.FiledCourt, filed.Injunction.CaseNumber));
        await (await Event(id, new { kind = "Depot", on = "2025-09-16" })).ProblemAsync(409); // once
        await (await Put(id, "court",
            new { kind = "TribunalDeCommerce", name = "tribunal de commerce de Lyon" })).ProblemAsync(409);

        await (await Event(id, new { kind = "Ordonnance", on = "2025-09-10", outcome = "Totale" })).ProblemAsync(400);
        await (await Event(id, new { kind = "Ordonnance", on = "2025-09-20", outcome = "Partielle" }))
            .ProblemAsync(400); // a partial order needs its amount
        // Ordered 22/09/2025: to be served by 22/03/2026 (six months, CPC 1411).
        var ordered = await (await Event(id, new { kind = "Ordonnance", on = "2025-09-22", outcome = "Totale" }))
            .ReadAsync<JudicialView>();
        Assert.Equal(new DateOnly(2026, 3, 22), ordered.Injunction!.Schedule.ServeBy);
        Assert.Contains(ordered.Deadlines,
            d => d.Kind == "SignificationInjonction" && d.On == new DateOnly(2026, 3, 22));

        // To the person or not? The opposition period depends on it.
        await (await Event(id, new { kind = "Signification", on = "2025-09-25" })).ProblemAsync(400);
        // Served to the person Thursday 25/09/2025: opposition until Saturday 25/10 → Monday 27/10/2025 (CPC 642);
        // enforceable from 28/10/2025; five points from 29/12/2025 (28/12 + 1 day).
        var served = await (await Event(id, new { kind = "Signification", on = "2025-09-25", toPerson = true,
            reference = "PV 2025/778" })).ReadAsync<JudicialView>();
        var s = served.Injunction!.Schedule;
        Assert.Equal((new DateOnly(2025, 10, 27), new DateOnly(2025, 10, 28), new DateOnly(2025, 12, 29)),
            (s.OppositionUntil, s.EnforceableFrom, s.IncreasedRateFrom));
        Assert.Equal(new DateOnly(2035, 10, 28), s.EnforcementLimit);
        Assert.Equal(["FinOpposition", "ForceExecutoire", "MajorationTauxLegal"], served.Deadlines.Select(d => d.Kind));
        await (await Event(id, new { kind = "PremierActeAPersonne", on = "2025-09-29" })).ProblemAsync(409);

        var history = (await GetCaseAsync(id)).History.Where(h => h.Kind == CaseEventKind.PhaseJudiciaire)
            .Select(h => h.Summary).ToList();
        Assert.Contains(history, h => h.Contains("Requête en injonction de payer déposée le 15/09/2025 au greffe du " +
            "tribunal de commerce de Grenoble (n° 2025R01234)"));
        Assert.Contains(history, h => h.Contains("formule exécutoire (art. 1410 CPC) ; à signifier au plus tard le " +
            "22/03/2026"));
        Assert.Contains(history, h => h.Contains("signifiée le 25/09/2025 à personne ; opposition possible jusqu'au " +
            "27/10/2025"));
        var audit = await AuditAsync();
        Assert.Contains("judiciaire.injonction.depot", audit);
        Assert.Contains("judiciaire.injonction.signification", audit);

        var opposed = await (await Event(id, new { kind = "Opposition", on = "2025-09-29" }))
            .ReadAsync<JudicialView>();
        Assert.Null(opposed.Injunction!.Schedule.EnforceableFrom);
        Assert.Empty(opposed.Deadlines);
    }

    [Fact]
    public async Task Once_the_order_is_enforceable_the_case_view_increases_the_legal_rate_unless_waived()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(consumer);
        (await Post(id, "route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Put(id, "court", new { kind = "TribunalJudiciaire", name = "tribunal judiciaire de Toulouse" }))
            .EnsureSuccessStatusCode();
        (await Event(id, new { kind = "Depot", on = "2025-09-16" })).EnsureSuccessStatusCode();
        (await Event(id, new { kind = "Ordonnance", on = "2025-09-22", outcome = "Totale" })).EnsureSuccessStatusCode();
        await (await Event(id, new { kind = "ExonerationMajoration", on = "2025-09-29" })).ProblemAsync(409);
        // Served to the person 25/09/2025: enforceable from 28/10/2025, five points more from 29/12/2025.
        (await Event(id, new { kind = "Signification", on = "2025-09-25", toPerson = true }))
            .EnsureSuccessStatusCode();

        var periods = await PeriodsAsync(id);
        var increased = periods.Single(p => p.From == new DateOnly(2025, 12, 29));
        var before = periods.Single(p => p.To == new DateOnly(2025, 12, 28));
        Assert.Equal(before.RatePercent + 5m, increased.RatePercent);
        Assert.True(periods.Single(p => p.From == new DateOnly(2026, 1, 1)).RatePercent > 5m);
        Assert.Contains("majoré de cinq points à compter du 29/12/2025",
            (await GetCaseAsync(id, "?asOf=2026-01-31")).Amounts!.Note);
        Assert.DoesNotContain(await PeriodsAsync(id, "2025-12-28"), p => p.From == new DateOnly(2025, 12, 29));

        // The enforcement judge waives it: the plain legal rate again, and the history says so.
        var waived = await (await Event(id, new { kind = "ExonerationMajoration", on = "2025-09-29" }))
            .ReadAsync<JudicialView>();
        Assert.Null(waived.Injunction!.Schedule.IncreasedRateFrom);
        Assert.DoesNotContain(await PeriodsAsync(id), p => p.From == new DateOnly(2025, 12, 29));
        Assert.Contains((await GetCaseAsync(id)).History, h => h.Summary.Contains("exonéré le débiteur de la " +
            "majoration"));
        await (await Event(id, new { kind = "ExonerationMajoration", on = "2025-09-29" })).ProblemAsync(409);
    }

    [Fact]
    public async Task An_opposition_within_the_period_takes_the_title_and_its_increase_away()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(consumer);
        (await Post(id, "route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Event(id, new { kind = "Depot", on = "2025-09-16", court = "tribunal judiciaire de Toulouse" }))
            .EnsureSuccessStatusCode();
        (await Event(id, new { kind = "Ordonnance", on = "2025-09-22", outcome = "Totale" })).EnsureSuccessStatusCode();
        (await Event(id, new { kind = "Signification", on = "2025-09-25", toPerson = true }))
            .EnsureSuccessStatusCode();
        Assert.Contains(await PeriodsAsync(id), p => p.From == new DateOnly(2025, 12, 29));
        (await Event(id, new { kind = "Opposition", on = "2025-09-29" })).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await PeriodsAsync(id), p => p.From == new DateOnly(2025, 12, 29));
    }

    [Fact]
    public async Task Small_claims_follow_the_invitation_the_answer_and_the_title_which_bears_no_increase()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(consumer);
        var commissaire = await (await Client.PostJsonAsync("/api/commissaires-de-justice",
                new { name = "Maître Anne Martin", email = "etude@martin-cj.example" }))
            .ReadAsync<AddinHost.Judicial.HandOver.CommissaireDto>();
        await (await Post(id, "petites-creances", new { kind = "Invitation", on = "2025-09-20",
            commissaireId = commissaire.Id })).ProblemAsync(409); // no route chosen yet
        (await Post(id, "route", new { route = "PetitesCreances" })).EnsureSuccessStatusCode();
        await (await Post(id, "petites-creances", new { kind = "Invitation", on = "2025-09-20" })).ProblemAsync(400);
        await (await Post(id, "petites-creances", new { kind = "Accord", on = "2025-09-20" })).ProblemAsync(409);

        // Invited on 20/09/2025: one month to agree, until 20/10/2025; silence would be a refusal.
        var invited = await (await Post(id, "petites-creances", new { kind = "Invitation", on = "2025-09-20",
            commissaireId = commissaire.Id })).ReadAsync<JudicialView>();
        Assert.Equal((new DateOnly(2025, 10, 20), "réponse attendue", "Maître Anne Martin"),
            (invited.SmallClaims!.AnswerBy, invited.SmallClaims.Answer, invited.SmallClaims.Commissaire));
        await (await Post(id, "petites-creances", new { kind = "Titre", on = "2025-09-25" })).ProblemAsync(409);
        (await Post(id, "petites-creances", new { kind = "Accord", on = "2025-09-22" })).EnsureSuccessStatusCode();
        var titled = await (await Post(id, "petites-creances", new { kind = "Titre", on = "2025-09-25",
            reference = "PC-2025-12" })).ReadAsync<JudicialView>();
        Assert.Equal((new DateOnly(2025, 9, 25), "PC-2025-12"),
            (titled.SmallClaims!.TitleOn, titled.SmallClaims.TitleReference));
        Assert.Contains("pas une décision de justice", titled.SmallClaims.Rule);

        // Long after the title, the legal rate is never increased, and the amounts say why.
        var later = await GetCaseAsync(id, "?asOf=2026-06-30");
        // A court decision enforceable on 25/09/2025 would split the periods on 26/11/2025 at five points more.
        var periods = later.Invoices.SelectMany(i => i.Periods).ToList();
        Assert.Contains(periods, p => p.From <= new DateOnly(2025, 11, 26) && p.To >= new DateOnly(2025, 11, 26));
        Assert.DoesNotContain(periods, p => p.From == new DateOnly(2025, 11, 26));
        Assert.Contains("petites créances", later.Amounts!.Note);
        Assert.Contains((await GetCaseAsync(id)).History, h => h.Summary.Contains("titre exécutoire délivré par le " +
            "commissaire de justice le 25/09/2025 (n° PC-2025-12)"));
    }

    [Fact]
    public async Task Silence_for_a_month_after_the_small_claims_invitation_is_a_refusal()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(consumer);
        var commissaire = await (await Client.PostJsonAsync("/api/commissaires-de-justice",
                new { name = "Maître Anne Martin", email = "etude@martin-cj.example" }))
            .ReadAsync<AddinHost.Judicial.HandOver.CommissaireDto>();
        (await Post(id, "route", new { route = "PetitesCreances" })).EnsureSuccessStatusCode();
        // Invited on 15/08/2025: the month ended on 15/09/2025, and today is 30/09/2025.
        var view = await (await Post(id, "petites-creances", new { kind = "Invitation", on = "2025-08-15",
            commissaireId = commissaire.Id })).ReadAsync<JudicialView>();
        Assert.Equal("refus (silence du débiteur pendant un mois)", view.SmallClaims!.Answer);
        Assert.Contains("injonction de payer reste ouverte", view.SmallClaims.Rule);
        await (await Post(id, "petites-creances", new { kind = "Accord", on = "2025-09-20" })).ProblemAsync(400);
    }

    private async Task<List<AddinHost.Cases.Money.InterestPeriod>> PeriodsAsync(Guid id, string asOf = "2026-01-31")
    {
        var c = await GetCaseAsync(id, $"?asOf={asOf}");
        return c.Invoices.SelectMany(i => i.Periods).ToList();
    }

    [Fact]
    public async Task Another_firm_sees_nothing_of_the_judicial_file()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = await AtJudicialStepAsync(company);
        (await Post(id, "route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        await using var other = App.ForTenant("autre-cabinet");
        var client = other.CreateClient();
        await (await client.GetAsync($"/api/cases/{id}/judiciaire")).ProblemAsync(404);
        await (await client.PostJsonAsync($"/api/cases/{id}/judiciaire/route", new { route = "InjonctionDePayer" }))
            .ProblemAsync(404);
    }
}

public sealed class JudicialApiOnSqlite() : JudicialApiTests(DbKind.Sqlite);
public sealed class JudicialApiOnPostgres() : JudicialApiTests(DbKind.Postgres);

/// <summary>The injonction de payer's dates in the lawyer's calendar, through the real Graph SDK and a local Graph
/// server.</summary>
public abstract class JudicialCalendarTests(DbKind kind) : GraphServerTestBase(kind)
{
    [Fact]
    public async Task The_service_deadline_then_the_opposition_and_enforcement_dates_go_to_the_calendar()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = company.Id;
        await NoticeScenario.TakeRemindersAsync(Client, id);
        (await Client.PostJsonAsync($"/api/cases/{id}/steps", new { level = 3, date = "2025-09-12" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{id}/notice-receipt", new { level = 3, date = "2025-09-14" }))
            .EnsureSuccessStatusCode();
        var root = $"/api/cases/{id}/judiciaire";
        (await Client.PostJsonAsync($"{root}/route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"{root}/events", new { kind = "Depot", on = "2025-09-15",
            court = "tribunal de commerce de Grenoble" })).EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"{root}/events",
                new { kind = "Ordonnance", on = "2025-09-22", outcome = "Totale" }))
            .EnsureSuccessStatusCode();

        var sync = async () =>
            await (await Client.PostAsync($"/api/cases/{id}/calendar", null)).ReadAsync<List<CalendarEntryDto>>();
        var first = await sync();
        Assert.Contains(first,
            e => e.Kind == DeadlineKind.SignificationInjonction && e.On == new DateOnly(2026, 3, 22));
        Assert.Contains(Graph.Events.Values,
            e => e["subject"]!.GetValue<string>().Contains("signifier l'injonction de payer"));

        // Served to the person on 25/09/2025: the service deadline leaves the calendar; opposition until Monday 27/10,
        // enforceable from 28/10, five more points from 29/12/2025.
        (await Client.PostJsonAsync($"{root}/events",
                new { kind = "Signification", on = "2025-09-25", toPerson = true }))
            .EnsureSuccessStatusCode();
        var after = (await sync()).Where(e => e.Kind >= DeadlineKind.SignificationInjonction).ToList();
        Assert.Equal([(DeadlineKind.FinOpposition, new DateOnly(2025, 10, 27)), (DeadlineKind.ForceExecutoire,
            new DateOnly(2025, 10, 28)), (DeadlineKind.MajorationTauxLegal, new DateOnly(2025, 12, 29))],
            after.Select(e => (e.Kind, e.On)));
        Assert.DoesNotContain(Graph.Events.Values, e => e["subject"]!.GetValue<string>().Contains("signifier"));
    }
}

public sealed class JudicialCalendarOnSqlite() : JudicialCalendarTests(DbKind.Sqlite);
public sealed class JudicialCalendarOnPostgres() : JudicialCalendarTests(DbKind.Postgres);
