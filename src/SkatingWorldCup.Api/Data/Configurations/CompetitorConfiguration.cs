using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class CompetitorConfiguration : IEntityTypeConfiguration<Competitor>
{
    public void Configure(EntityTypeBuilder<Competitor> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Nationality).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.SourceRef).HasMaxLength(200);
        // Natural keys: a named skater is name + nationality, an unnamed one its source reference, a nation its code.
        builder.HasIndex(c => new { c.Type, c.Name, c.Nationality }).IsUnique().HasFilter("name IS NOT NULL");
        builder.HasIndex(c => new { c.Type, c.SourceRef, c.Nationality }).IsUnique().HasFilter("source_ref IS NOT NULL");
    }
}
