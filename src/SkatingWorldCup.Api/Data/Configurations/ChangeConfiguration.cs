using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        builder.Property(c => c.KeyName).HasMaxLength(100);
        builder.Property(c => c.Action).HasMaxLength(40);
        builder.Property(c => c.Entity).HasMaxLength(40);
        builder.Property(c => c.EntityId).HasMaxLength(200);
        builder.Property(c => c.Summary).HasColumnType("jsonb");
        builder.HasIndex(c => c.At);
    }
}
