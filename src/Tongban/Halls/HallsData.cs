using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban;

/// <summary>Appointments at the halls, as a set of the one database context (see CasesData).</summary>
public static class HallsData
{
    extension(AppDbContext db)
    {
        public DbSet<Halls.Booking> Bookings => db.Set<Halls.Booking>();
        public DbSet<Halls.Queue.QueueTicket> QueueTickets => db.Set<Halls.Queue.QueueTicket>();
        public DbSet<Halls.Closures.HallClosure> HallClosures => db.Set<Halls.Closures.HallClosure>();
    }
}
