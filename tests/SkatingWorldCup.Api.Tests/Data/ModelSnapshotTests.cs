using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Data;

public sealed class ModelSnapshotTests
{
    // A change of the entities or their configurations needs a migration (`dotnet ef migrations add <Name>`, README).
    [Fact]
    public void The_model_has_no_change_that_no_migration_records()
    {
        using var db = TestDbContexts.Create("Host=unused");

        db.Database.HasPendingModelChanges().ShouldBeFalse("the EF model differs from Data/Migrations/SkatingDbContextModelSnapshot.cs: add a migration");
    }
}
