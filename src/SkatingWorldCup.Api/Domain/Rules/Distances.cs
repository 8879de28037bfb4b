namespace SkatingWorldCup.Api.Domain.Rules;

// Facts of the sport about each distance, kept in one place so validation, cups and records agree.
public static class Distances
{
    public static bool IsTeamEvent(this Distance distance) =>
        distance is Distance.TeamPursuit or Distance.TeamSprint;

    // Distances skated in a World Cup by each gender (women do not skate 10000 m, men do not skate 3000 m).
    public static bool IsSkatedBy(this Distance distance, Gender gender) => distance switch
    {
        Distance.Metres3000 => gender == Gender.Women,
        Distance.Metres10000 => gender == Gender.Men,
        _ => true,
    };

    // Display order of the calendar's columns.
    public static int SortOrder(this Distance distance) => (int)distance;
}
