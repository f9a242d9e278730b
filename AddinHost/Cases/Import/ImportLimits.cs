using System.ComponentModel.DataAnnotations;

namespace AddinHost.Cases.Import;

/// <summary>The <c>Import</c> section: how much of a bad file is read, kept and told, and how long a firm's import
/// holds its turn.</summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>Errors kept and returned; the lines in error after them are only counted.</summary>
    [Range(10, 100_000)]
    public int MaxErrors { get; set; } = 1_000;

    /// <summary>The longest record (a line, or the lines of one quoted field); longer ones are refused
    /// unread.</summary>
    [Range(256, 1_000_000)]
    public int MaxLineCharacters { get; set; } = 8_192;

    /// <summary>The longest field; the database's own limits (name 200, invoice number 60, e-mail 254) come
    /// first.</summary>
    [Range(64, 100_000)]
    public int MaxFieldCharacters { get; set; } = 1_000;

    /// <summary>How long a firm's running import keeps others of the same firm out, should its instance die
    /// mid-way.</summary>
    [Range(1, 240)]
    public int LeaseMinutes { get; set; } = 15;

    public ImportOptions ToOptions() =>
        new(MaxErrors: MaxErrors, MaxLineCharacters: MaxLineCharacters, MaxFieldCharacters: MaxFieldCharacters);
}
