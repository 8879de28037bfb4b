using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Infrastructure;

// Command-line verbs of the API (`dotnet run --project src/SkatingWorldCup.Api -- <verb>`), run instead of the web host.
public static class Commands
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["schema-script"]:
                // Drafts the SQL of the EF model, to review and paste into a hand-written migration.
                var options = new DbContextOptionsBuilder<SkatingDbContext>().UseNpgsql("Host=unused").Options;
                using (var db = new SkatingDbContext(options))
                {
                    Console.WriteLine(db.Database.GenerateCreateScript());
                }
                return true;
            default:
                return false;
        }
    }
}
