using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class ChampionshipConfiguration : IEntityTypeConfiguration<Championship>
{
    public void Configure(EntityTypeBuilder<Championship> builder)
    {
        builder.HasIndex(c => new { c.SeasonId, c.Name }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Country).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Venue).HasMaxLength(200);
        builder.HasOne(c => c.Season).WithMany(s => s.Championships).HasForeignKey(c => c.SeasonId).OnDelete(DeleteBehavior.Cascade);
    }
}
