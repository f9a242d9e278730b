using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>An administrator keeps the firm's commissaires de justice in the admin page: adds,
/// edits, removes.</summary>
[Collection(PaneCollection.Name)]
public sealed class AdminCommissairesTests(PaneHost host)
{
    [Fact]
    public async Task The_admin_adds_edits_and_removes_a_commissaire_de_justice()
    {
        var admin = await host.OpenAsync("admin", new { host = (string?)null });
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Commissaires de justice" }).ClickAsync();
        var add = admin.GetByRole(AriaRole.Form, new() { Name = "Ajouter un commissaire de justice" });
        var list = admin.GetByRole(AriaRole.List, new() { Name = "Commissaires de justice" });

        // A bad address is refused with the host's French reason, and the typed name is kept.
        await add.GetByRole(AriaRole.Textbox, new() { Name = "Nom" }).FillAsync("Maître Hélène Roux");
        await add.GetByRole(AriaRole.Textbox, new() { Name = "Étude" }).FillAsync("SELARL Roux, Annecy");
        await add.GetByRole(AriaRole.Textbox, new() { Name = "Adresse électronique" }).FillAsync("pas-une-adresse");
        await add.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Expect(admin.GetByText("Commissaire non enregistré")).ToBeVisibleAsync();
        await Expect(add.GetByRole(AriaRole.Textbox, new() { Name = "Nom" })).ToHaveValueAsync("Maître Hélène Roux");
        await add.GetByRole(AriaRole.Textbox, new() { Name = "Adresse électronique" })
            .FillAsync("etude@roux-cj.example");
        await add.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Expect(list).ToContainTextAsync("Maître Hélène Roux");
        await Expect(list).ToContainTextAsync("SELARL Roux, Annecy — etude@roux-cj.example");
        await Expect(add.GetByRole(AriaRole.Textbox, new() { Name = "Nom" })).ToHaveValueAsync("");

        await list.GetByRole(AriaRole.Button, new() { Name = "Modifier Maître Hélène Roux" }).ClickAsync();
        var edit = list.GetByRole(AriaRole.Form, new() { Name = "Modifier Maître Hélène Roux" });
        await edit.GetByRole(AriaRole.Textbox, new() { Name = "Étude" }).FillAsync("SELARL Roux & Associés, Annecy");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(admin);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await edit.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(list).ToContainTextAsync("SELARL Roux & Associés, Annecy — etude@roux-cj.example");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "admin-commissaires.png"),
            FullPage = true });

        await list.GetByRole(AriaRole.Button, new() { Name = "Retirer Maître Hélène Roux" }).ClickAsync();
        await Expect(list).Not.ToContainTextAsync("Maître Hélène Roux");
        PaneHost.AssertNoScriptError(admin);
    }
}
