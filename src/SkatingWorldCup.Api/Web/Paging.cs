using System.ComponentModel;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace SkatingWorldCup.Api.Web;

public record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

public class PageQuery
{
    public const int MaxLimit = 500;

    [FromQuery(Name = "limit"), Description("Page size, 1–500.")]
    [DefaultValue(50)]
    public int Limit { get; init; } = 50;

    [FromQuery(Name = "offset"), Description("Items to skip, 0 or more.")]
    [DefaultValue(0)]
    public int Offset { get; init; }

    public Page<T> Of<T>(IEnumerable<T> all)
    {
        var list = all as IReadOnlyCollection<T> ?? all.ToList();
        return new Page<T>(list.Skip(Offset).Take(Limit).ToList(), list.Count, Limit, Offset);
    }
}

public class PageQueryValidator<T> : AbstractValidator<T> where T : PageQuery
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}

public class PageQueryValidator : PageQueryValidator<PageQuery>;
