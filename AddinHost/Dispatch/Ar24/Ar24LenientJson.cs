using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// AR24 may send an absent value as <c>""</c> rather than <c>null</c> (the public PHP clients test fields with
/// <c>!empty()</c>), and a number where a text is expected: a blank or unusual value reads as absent, never as a
/// failure that would leave a letter unreadable.
/// </summary>
public sealed class BlankAsNullConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture)
                    : reader.GetDecimal().ToString(CultureInfo.InvariantCulture);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null; // null, false, true: nothing usable
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

/// <summary>A price as a number, a dotted or a comma string, or blank: anything else reads as unknown.</summary>
public sealed class LenientDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var d) ? d : null;
            case JsonTokenType.String:
                var s = reader.GetString()?.Trim().Replace(',', '.');
                return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture,
                    out var parsed) ? parsed : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>
/// AR24's flags are not documented as JSON booleans: other clients read them as 0/1. A flag we cannot read must not
/// make the mail unreadable, or a deposited letter would never be followed.
/// </summary>
public sealed class LenientBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number: return reader.TryGetInt64(out var n) ? n != 0 : null;
            case JsonTokenType.String:
                return reader.GetString()?.Trim().ToLowerInvariant() switch
                {
                    "1" or "true" => true,
                    "0" or "false" or "" => false,
                    _ => null,
                };
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default: return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteBooleanValue(v);
        else writer.WriteNullValue();
    }
}
