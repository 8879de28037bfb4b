using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class CupConfiguration : IEntityTypeConfiguration<Cup>
{
    public void Configure(EntityTypeBuilder<Cup> builder)
    {
        builder.HasIndex(c => new { c.SeasonId, c.Slug }).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(40);
        builder.HasOne(c => c.Season).WithMany(s => s.Cups).HasForeignKey(c => c.SeasonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Distances).WithOne().HasForeignKey(d => d.CupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.PublishedStandings).WithOne().HasForeignKey(p => p.CupId).OnDelete(DeleteBehavior.Cascade);
    }
}
