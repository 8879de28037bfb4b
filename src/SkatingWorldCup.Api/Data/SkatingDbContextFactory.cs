using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SkatingWorldCup.Api.Data;

// What `dotnet ef` builds the model from: the context alone, without starting the web host (which would start the
// embedded PostgreSQL). Adding a migration or scripting one needs no database.
public sealed class SkatingDbContextFactory : IDesignTimeDbContextFactory<SkatingDbContext>
{
    public SkatingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SkatingDbContext>().UseNpgsql("Host=design-time-only").Options);
}
