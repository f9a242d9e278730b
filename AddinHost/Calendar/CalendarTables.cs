using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Calendar;

/// <summary>The tables Calendar owns.</summary>
public static class CalendarTables
{
    extension(DunningDbContext db)
    {
        public DbSet<CalendarEntry> CalendarEntries => db.Set<CalendarEntry>();
        public DbSet<SharedMailboxCalendar> SharedMailboxCalendars => db.Set<SharedMailboxCalendar>();
    }
}
