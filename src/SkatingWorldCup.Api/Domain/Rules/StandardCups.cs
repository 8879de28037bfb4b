namespace SkatingWorldCup.Api.Domain.Rules;

// The 12 cups ISU contested in 2011–12 and 2012–13; a season document may declare other groupings.
public static class StandardCups
{
    public static IReadOnlyList<(Gender Gender, Distance[] Distances)> All { get; } =
    [
        (Gender.Men, [Distance.Metres500]),
        (Gender.Men, [Distance.Metres1000]),
        (Gender.Men, [Distance.Metres1500]),
        (Gender.Men, [Distance.Metres5000, Distance.Metres10000]),
        (Gender.Men, [Distance.MassStart]),
        (Gender.Men, [Distance.TeamPursuit]),
        (Gender.Women, [Distance.Metres500]),
        (Gender.Women, [Distance.Metres1000]),
        (Gender.Women, [Distance.Metres1500]),
        (Gender.Women, [Distance.Metres3000, Distance.Metres5000]),
        (Gender.Women, [Distance.MassStart]),
        (Gender.Women, [Distance.TeamPursuit]),
    ];
}
