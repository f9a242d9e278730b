using System.Text.Json.Nodes;

namespace AddinHost.Sandbox;

/// <summary>
/// The simulated AR24's sender accounts: <c>GET user</c>, <c>POST user</c>, <c>/user/request_access</c>,
/// <c>/user/request_cgu</c> (AR24 doc: knowledge base « Créer un compte expéditeur via l'API »), and the actions an
/// account's holder takes from AR24's e-mails, which tests and the demo play through <c>/sandbox/ar24/_users/…</c>.
/// </summary>
internal static class Ar24SandboxUsers
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapGet("/user", (HttpContext http, Ar24SandboxState state) => Ar24SandboxEndpoints.Handle(http, fields =>
        {
            var user = long.TryParse(fields.GetValueOrDefault("id_user"), out var id)
                ? state.Users.GetValueOrDefault(id)
                : state.UserByEmail(fields.GetValueOrDefault("email"));
            // AR24 doc: an account that exists but never granted this API access answers user_unavailable.
            return user is null ? Ar24SandboxEndpoints.Error("user_not_exist",
                "There is not a user with this address on AR24")
                : !user.LinkedToApi ? Ar24SandboxEndpoints.Error("user_unavailable",
                    "You tried to access a resource that is not related to your API")
                : Ar24SandboxEndpoints.Success(user.ToJson());
        }));
        api.MapPost("/user", (HttpContext http, Ar24SandboxState state) => Ar24SandboxEndpoints.Handle(http, fields =>
        {
            if (Ar24SandboxRules.NewUser(fields) is { } invalid) return invalid;
            // AR24 doc: an address that already has an account answers user_already_exist, whoever opened it.
            if (state.UserByEmail(fields["email"]) is not null)
                return Ar24SandboxEndpoints.Error("user_already_exist",
                    "A user with the same email address already exists");
            var user = new SimulatedUser
            {
                Id = state.NextId(), Email = fields["email"].Trim(), Firstname = fields["firstname"],
                    Lastname = fields["lastname"],
                Gender = fields["gender"], Statut = fields["statut"], Company = fields.GetValueOrDefault("company"),
                    Country = fields["country"],
                CompanySiret = fields.GetValueOrDefault("company_siret"),
                // AR24 doc: a new account's holder must confirm the address and accept the terms before it sends.
                LinkedToApi = true, Confirmed = false, TermsAccepted = false,
            };
            state.Users[user.Id] = user;
            return Ar24SandboxEndpoints.Success(user.ToJson());
        }));
        api.MapPost("/user/request_access",
            (HttpContext http, Ar24SandboxState state) => Ar24SandboxEndpoints.Handle(http, fields =>
        {
            // GUESS: the parameter is the address, and a repeated request is accepted.
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault("email"))) return Ar24SandboxEndpoints.Error(
                "missing_email", "Please specify an email address");
            if (state.UserByEmail(fields["email"]) is not { } user) return Ar24SandboxEndpoints.Error("user_not_exist",
                "There is no user with this address on AR24");
            user.AccessRequested = !user.LinkedToApi;
            return Ar24SandboxEndpoints.Success(new JsonObject { ["id"] = user.Id, ["email"] = user.Email,
                ["request"] = "sent" });
        }));
        api.MapPost("/user/request_cgu",
            (HttpContext http, Ar24SandboxState state) => Ar24SandboxEndpoints.Handle(http, fields =>
            Ar24SandboxEndpoints.LinkedSender(state, fields, out var user) is { } refused ? refused
                : Ar24SandboxEndpoints.Success(new JsonObject { ["id"] = user!.Id, ["request"] = "sent" })));

        // What an account's holder does outside the API: open an account on AR24's site, follow AR24's e-mails.
        app.MapPost("/sandbox/ar24/_accounts", (SandboxAccount body, Ar24SandboxState state) =>
            {
                if (string.IsNullOrWhiteSpace(body.Email) || state.UserByEmail(body.Email) is not null)
                    return Results.Problem(detail: "Adresse absente ou déjà titulaire d'un compte.", statusCode: 400);
                var user = new SimulatedUser
                {
                    Id = state.NextId(), Email = body.Email.Trim(), Firstname = body.Firstname,
                        Lastname = body.Lastname, Gender = "M",
                    Statut = "professionnel", Country = "FR", LinkedToApi = false, Confirmed = true,
                        TermsAccepted = true,
                };
                state.Users[user.Id] = user;
                return Results.Ok(user.ToJson());
            })
            .ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/sandbox/ar24/_users/{email}/{action}", (string email, string action, Ar24SandboxState state) =>
            {
                if (state.UserByEmail(email) is not { } user) return Results.Problem(detail: "Aucun compte AR24 à "
                    + "cette adresse.", statusCode: 404);
                switch (action)
                {
                    case "confirm": user.Confirmed = true; break;
                    case "accept-terms": user.TermsAccepted = true; break;
                    case "grant-access" when user.AccessRequested: user.LinkedToApi = true; user.AccessRequested =
                        false; break;
                    case "grant-access": return Results.Problem(detail: "Aucune demande d'accès en attente pour ce "
                        + "compte.", statusCode: 409);
                    case "revoke-access": user.LinkedToApi = false; break;
                    default: return Results.Problem(detail: "Actions : confirm, accept-terms, grant-access, "
                        + "revoke-access.", statusCode: 400);
                }
                return Results.Ok(user.ToJson());
            })
            .ExcludeFromDescription().AllowAnonymous();
    }
}

/// <summary>An account opened directly on AR24's site (not through this API).</summary>
public sealed record SandboxAccount(string? Email, string? Firstname, string? Lastname);
