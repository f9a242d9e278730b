using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Calendar;

/// <summary>The admin's choice, per shared or delegated mailbox, of the calendar its cases' deadlines go to.</summary>
public sealed class SharedMailboxCalendars(DunningDbContext db, AuditTrail audit, CurrentActor actor,
    TimeProvider clock)
{
    public async Task<List<SharedMailboxCalendarDto>> ListAsync(CancellationToken ct) =>
        await db.SharedMailboxCalendars.AsNoTracking().OrderBy(s => s.Address)
            .Select(s => new SharedMailboxCalendarDto(s.Address, s.Calendar, s.UpdatedAt)).ToListAsync(ct);

    public async Task<SharedMailboxCalendarDto> ChooseAsync(string address, SharedMailboxCalendarRequest body,
        CancellationToken ct)
    {
        var key = Address(address);
        var choice = body.Calendar is { } c && Enum.IsDefined(c) ? c
            : throw Problem.Validation("calendar",
                "Choisissez le calendrier : Proprietaire (celui de la boîte) ou Utilisateur (celui de chacun).");
        var setting = await db.SharedMailboxCalendars.SingleOrDefaultAsync(s => s.Address == key, ct);
        if (setting is null) db.SharedMailboxCalendars.Add(setting = new SharedMailboxCalendar { Address = key });
        (setting.Calendar, setting.UpdatedAt, setting.UpdatedBy) = (choice, clock.GetUtcNow(), actor.Id);
        audit.Record("boite-partagee.calendrier", nameof(SharedMailboxCalendar), setting.Id);
        await db.SaveChangesAsync(ct);
        return new SharedMailboxCalendarDto(setting.Address, setting.Calendar, setting.UpdatedAt);
    }

    public async Task RemoveAsync(string address, CancellationToken ct)
    {
        var key = Address(address);
        var setting = await db.SharedMailboxCalendars.SingleOrDefaultAsync(s => s.Address == key, ct)
            ?? throw DomainException.NotFound("Boîte partagée");
        db.SharedMailboxCalendars.Remove(setting);
        audit.Record("boite-partagee.retiree", nameof(SharedMailboxCalendar), setting.Id);
        await db.SaveChangesAsync(ct);
    }

    private static string Address(string text)
    {
        var address = text.Trim().ToLowerInvariant();
        return address.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed)
            && parsed.Address == address
            ? address
            : throw Problem.Validation("address",
                "Adresse de boîte aux lettres invalide (exemple : recouvrement@cabinet.fr).");
    }
}
