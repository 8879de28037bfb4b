using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class PublishedStandingConfiguration : IEntityTypeConfiguration<PublishedStanding>
{
    public void Configure(EntityTypeBuilder<PublishedStanding> builder)
    {
        builder.HasIndex(p => new { p.CupId, p.CompetitorId }).IsUnique();
        builder.HasOne(p => p.Competitor).WithMany().HasForeignKey(p => p.CompetitorId).OnDelete(DeleteBehavior.Restrict);
    }
}
