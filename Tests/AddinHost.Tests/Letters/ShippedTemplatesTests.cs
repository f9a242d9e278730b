using AddinHost.Letters;

namespace AddinHost.Tests.Letters;

public sealed class ShippedTemplatesTests
{
    private static string[] Shipped() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Templates"), "*.docx")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToArray();

    public static TheoryData<string> Names() => new(Shipped());

    [Fact]
    public void Every_template_the_ladder_names_is_shipped()
    {
        var shipped = Shipped().ToHashSet();
        Assert.Superset(shipped, new HashSet<string> { "relance-1", "relance-2", "mise-en-demeure-professionnel", "mise-en-demeure-consommateur",
            "mise-en-demeure-honoraires", "courriel-courtoisie", "courriel-relance-1" });
        foreach (var level in AddinHost.Cases.Planning.ReminderPolicy.CreateDefault().Levels.Where(l => l.Template is not null))
            Assert.Contains(TemplateStore.Variant(level.Template!, ownFees: false, consumer: false), shipped);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_shipped_template_lints_clean_and_is_a_valid_document(string name)
    {
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Templates", name + ".docx"));
        Assert.Empty(LetterService.Engine.Lint(docx));
        Assert.Empty(Docx.Validate(docx).Select(e => e.Description));
    }
}
