using Microsoft.EntityFrameworkCore.Migrations;

namespace SkatingWorldCup.Api.Data.Migrations;

// The baseline of the EF model snapshot: the schema that the two hand-written migrations before it created, recorded
// in this migration's Designer file and in SkatingDbContextModelSnapshot, so that `dotnet ef migrations add` diffs a
// change of the model against it. It changes nothing in the database: those tables exist already.
public partial class Baseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
