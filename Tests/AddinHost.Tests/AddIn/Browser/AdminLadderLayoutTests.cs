using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>The admin page's ladder on a laptop and in Outlook's task pane: every field in its own place,
/// all usable.</summary>
[Collection(PaneCollection.Name)]
public sealed class AdminLadderLayoutTests(PaneHost host)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(350)]
    public async Task Each_field_of_each_level_keeps_its_own_place_at_this_width(int width)
    {
        var page = await host.OpenAsync("admin", new { host = (string?)null }, width: width);
        await Expect(page.GetByLabel("Nom de l'étape 1")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var levels = await page.Locator("[data-testid^=niveau-]").CountAsync();
        Assert.True(levels >= 4, $"{levels} levels shown");
        for (var i = 1; i <= levels; i++)
        {
            string[] labels = [$"Nom de l'étape {i}", $"Délai de l'étape {i}", $"Canal de l'étape {i}",
                $"Modèle de l'étape {i}", $"Joindre les factures à l'étape {i}"];
            var boxes = new List<(string Label, LocatorBoundingBoxResult Box)>();
            foreach (var label in labels)
            {
                var field = page.GetByLabel(label, new() { Exact = true });
                await Expect(field).ToBeVisibleAsync();
                boxes.Add((label, (await field.BoundingBoxAsync())!));
            }
            foreach (var (label, box) in boxes)
                Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
                    $"{label} leaves the page at {width} px: {box.X} + {box.Width}");
            for (var a = 0; a < boxes.Count; a++)
                for (var b = a + 1; b < boxes.Count; b++)
                    Assert.False(Overlap(boxes[a].Box, boxes[b].Box),
                        $"{boxes[a].Label} overlaps {boxes[b].Label} at {width} px");
        }
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"the page is {pageWidth} px wide in a {width} px window");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, $"admin-echelle-{width}.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
        await page.Context.CloseAsync();
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width - 0.5 && b.X < a.X + a.Width - 0.5
            && a.Y < b.Y + b.Height - 0.5 && b.Y < a.Y + a.Height - 0.5;
}
