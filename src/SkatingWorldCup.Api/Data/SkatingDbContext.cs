using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data;

public class SkatingDbContext(DbContextOptions<SkatingDbContext> options) : DbContext(options)
{
    public DbSet<Season> Seasons => Set<Season>();
    public DbSet<Occasion> Occasions => Set<Occasion>();
    public DbSet<Championship> Championships => Set<Championship>();
    public DbSet<Race> Races => Set<Race>();
    public DbSet<Competitor> Competitors => Set<Competitor>();
    public DbSet<Result> Results => Set<Result>();
    public DbSet<WorldRecord> WorldRecords => Set<WorldRecord>();
    public DbSet<Cup> Cups => Set<Cup>();
    public DbSet<PublishedStanding> PublishedStandings => Set<PublishedStanding>();
    public DbSet<PointsScheme> PointsSchemes => Set<PointsScheme>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Gender>().HaveConversion<ApiNameConverter<Gender>>().HaveMaxLength(5);
        configurationBuilder.Properties<Distance>().HaveConversion<ApiNameConverter<Distance>>().HaveMaxLength(12);
        configurationBuilder.Properties<Division>().HaveConversion<ApiNameConverter<Division>>().HaveMaxLength(1);
        configurationBuilder.Properties<ResultStatus>().HaveConversion<ApiNameConverter<ResultStatus>>().HaveMaxLength(8);
        configurationBuilder.Properties<CompetitorType>().HaveConversion<ApiNameConverter<CompetitorType>>().HaveMaxLength(6);
        configurationBuilder.Properties<TieBreakRule>().HaveConversion<ApiNameConverter<TieBreakRule>>().HaveMaxLength(9);
        configurationBuilder.Properties<PointsTableKind>().HaveConversion<ApiNameConverter<PointsTableKind>>().HaveMaxLength(18);
        configurationBuilder.Properties<RecordSource>().HaveConversion<ApiNameConverter<RecordSource>>().HaveMaxLength(8);
        configurationBuilder.Properties<ApiKeyScope>().HaveConversion<ApiNameConverter<ApiKeyScope>>().HaveMaxLength(5);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SkatingDbContext).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }
}
