using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class CupDistanceConfiguration : IEntityTypeConfiguration<CupDistance>
{
    public void Configure(EntityTypeBuilder<CupDistance> builder)
    {
        builder.ToTable("cup_distances");
        builder.HasKey(d => new { d.CupId, d.Distance });
    }
}
