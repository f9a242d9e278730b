namespace AddinHost.Letters.Engine;

public enum FieldKind { Valeur, Liste, Condition }

/// <summary>A field a template may use: its path, what it means in French, and an example.</summary>
public sealed record FieldDefinition(string Path, string Description, string Example, FieldKind Kind = FieldKind.Valeur,
    IReadOnlyList<FieldDefinition>? Items = null);
