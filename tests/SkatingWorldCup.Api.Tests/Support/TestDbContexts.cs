using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Tests.Support;

public static class TestDbContexts
{
    // Configured as the app configures it. The migrations are hand-written with no model snapshot, so EF always
    // reports pending model changes; SchemaDriftTests is what proves the schema matches the model.
    public static SkatingDbContext Create(string connectionString) => new(new DbContextOptionsBuilder<SkatingDbContext>()
        .UseNpgsql(connectionString)
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);
}
