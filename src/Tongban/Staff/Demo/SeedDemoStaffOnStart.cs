using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Staff.Demo;

/// <summary>Creates the demo staff accounts that do not exist yet (after migrations, which start first).</summary>
internal sealed class SeedDemoStaffOnStart(IServiceScopeFactory scopes, IPasswordHasher<StaffMember> hasher) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.StaffMembers.Select(s => s.UserName).ToListAsync(cancellationToken);
        foreach (var account in DemoStaff.Accounts.Where(a => !existing.Contains(a.UserName)))
        {
            var staff = new StaffMember
            {
                Id = Guid.NewGuid(),
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                Role = account.Role,
                DepartmentCode = account.DepartmentCode,
                HallCode = account.HallCode,
                DistrictCode = account.DistrictCode,
                PasswordHash = "",
                TotpSecret = account.TotpSecret,
            };
            staff.PasswordHash = hasher.HashPassword(staff, DemoStaff.Password);
            db.StaffMembers.Add(staff);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
