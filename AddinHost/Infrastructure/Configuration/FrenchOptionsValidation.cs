using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Configuration;

/// <summary>
/// Data annotations (and <see cref="IValidatableObject"/>) on an options class, reported in French with the setting's
/// full key, instead of <c>ValidateDataAnnotations</c>'s English wrapper around the message.
/// </summary>
public static class FrenchOptionsValidation
{
    public static OptionsBuilder<T> ValidateFrench<T>(this OptionsBuilder<T> options, string section) where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new Validator<T>(options.Name, section));
        return options.ValidateOnStart();
    }

    private sealed class Validator<T>(string? name, string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results,
                validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r => Describe(options, r)));
        }

        private string Describe(T options, ValidationResult result)
        {
            var member = result.MemberNames.FirstOrDefault();
            var key = member is null ? section : $"{section}:{member}";
            var attribute = member is null ? null : typeof(T).GetProperty(member)?
                .GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>()
                .FirstOrDefault(a => !a.IsValid(typeof(T).GetProperty(member)!.GetValue(options)));
            return attribute switch
            {
                { ErrorMessage.Length: > 0 } => result.ErrorMessage!,
                RequiredAttribute => $"{key} est obligatoire.",
                RangeAttribute r => $"{key} doit être compris entre {r.Minimum} et {r.Maximum}.",
                null => result.ErrorMessage ?? $"{key} : valeur refusée.",
                _ => $"{key} : valeur refusée.",
            };
        }
    }
}
