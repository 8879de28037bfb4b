using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class ResultConfiguration : IEntityTypeConfiguration<Result>
{
    public void Configure(EntityTypeBuilder<Result> builder)
    {
        builder.HasIndex(r => new { r.RaceId, r.CompetitorId }).IsUnique();
        builder.HasIndex(r => r.CompetitorId);
        builder.HasOne(r => r.Race).WithMany(r => r.Results).HasForeignKey(r => r.RaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Competitor).WithMany().HasForeignKey(r => r.CompetitorId).OnDelete(DeleteBehavior.Restrict);
    }
}
