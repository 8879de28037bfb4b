using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Tests.Support;

public static class TestDbContexts
{
    // Configured as the app configures it; migrating with it fails if the model has changes no migration records.
    public static SkatingDbContext Create(string connectionString) => new(new DbContextOptionsBuilder<SkatingDbContext>()
        .UseNpgsql(connectionString)
        .Options);
}
