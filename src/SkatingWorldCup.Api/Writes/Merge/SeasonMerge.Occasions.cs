using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

public sealed partial class SeasonMerge
{
    // Weekends and their races by number and (gender, distance, order); a race given with results gets exactly that list.
    private async Task MergeOccasionsAsync(Season season, SeasonDocument document, Dictionary<PointsTableKind, int[]> points, CancellationToken cancellationToken)
    {
        var occasions = document.Occasions ?? [];
        var existingResults = await ResultsOfRacesGivenWithResultsAsync(season, occasions, cancellationToken);
        for (var i = 0; i < occasions.Count; i++)
        {
            var doc = occasions[i];
            var occasion = season.Occasions.SingleOrDefault(o => o.Number == doc.Number);
            if (occasion is null)
            {
                occasion = new Occasion { SeasonId = season.Id, Number = doc.Number!.Value, City = doc.City!, CityCode = doc.CityCode!, Country = doc.Country!, Venue = doc.Venue! };
                season.Occasions.Add(occasion);
            }
            (occasion.City, occasion.CityCode, occasion.Country, occasion.Venue) = (doc.City!, doc.CityCode!, doc.Country!, doc.Venue!);
            (occasion.StartDate, occasion.EndDate, occasion.IsFinal) = (doc.StartDate, doc.EndDate, doc.IsFinal ?? false);
            Named(occasion);
            MergeRaces(occasion, doc.Races ?? [], existingResults, points, $"occasions[{i}]");
        }
        // Documents and result entry merge into what is stored, so "one final per season" is checked on the merged season.
        if (season.Occasions.Count(o => o.IsFinal) > 1)
        {
            Error("occasions", $"a season has one final weekend; this would make {string.Join(" and ", season.Occasions.Where(o => o.IsFinal).Select(o => o.Number).Order())} finals.");
        }
    }

    // The stored results of the races whose result lists the document replaces, in one query.
    private async Task<ILookup<int, Result>> ResultsOfRacesGivenWithResultsAsync(Season season, List<OccasionDocument> occasions, CancellationToken cancellationToken)
    {
        var given = occasions.SelectMany(o => (o.Races ?? []).Where(r => r.Results is not null).Select(r => (o.Number, r.Gender, r.Distance, r.Order))).ToHashSet();
        var raceIds = season.Occasions.SelectMany(o => o.Races.Where(r => given.Contains((o.Number, r.Gender.ToApi(), r.Distance.ToApi(), r.Order))).Select(r => r.Id)).ToList();
        return (await db.Results.AsTracking().Where(r => raceIds.Contains(r.RaceId)).ToListAsync(cancellationToken)).ToLookup(r => r.RaceId);
    }

    private void MergeRaces(Occasion occasion, List<RaceDocument> races, ILookup<int, Result> existingResults, Dictionary<PointsTableKind, int[]> points, string path)
    {
        for (var j = 0; j < races.Count; j++)
        {
            var raceDoc = races[j];
            var (gender, distance) = (ApiName<Gender>.Parse(raceDoc.Gender!), ApiName<Distance>.Parse(raceDoc.Distance!));
            var race = occasion.Races.SingleOrDefault(r => r.Gender == gender && r.Distance == distance && r.Order == raceDoc.Order);
            if (race is null)
            {
                race = new Race { Gender = gender, Distance = distance, Order = raceDoc.Order!.Value };
                occasion.Races.Add(race);
            }
            race.Date = raceDoc.Date;
            Named(race);
            if (raceDoc.Results is not null)
            {
                ReplaceResults(race, [.. existingResults[race.Id]], raceDoc.Results, occasion.IsFinal, points, $"{path}.races[{j}].results");
            }
        }
    }

    // The way a results desk publishes a corrected list: the race ends up with exactly these results.
    private void ReplaceResults(Race race, List<Result> existing, List<ResultDocument> results, bool isFinal, Dictionary<PointsTableKind, int[]> points, string path)
    {
        var kept = new HashSet<Result>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < results.Count; k++)
        {
            var doc = results[k];
            var competitor = doc.Nation is not null ? Nation(doc.Nation) : Skater(doc.Skater!);
            var result = existing.FirstOrDefault(r => ReferenceEquals(r.Competitor, competitor) || (competitor.Id != 0 && r.CompetitorId == competitor.Id));
            if (result is null)
            {
                result = new Result { Competitor = competitor };
                race.Results.Add(result);
            }
            kept.Add(result);
            result.Division = doc.Division is null ? null : ApiName<Division>.Parse(doc.Division);
            result.Rank = doc.Rank;
            result.Time = doc.Time is null ? null : RaceTime.Parse(doc.Time);
            result.Status = doc.Status is null ? ResultStatus.Finished : ApiName<ResultStatus>.Parse(doc.Status);
            if (PointsAssignment.Assign(result, doc.Points, race.Distance, isFinal, points) is { } problem)
            {
                Error($"{path}[{k}].points", problem);
            }
            Named(result);
        }
        db.Results.RemoveRange(existing.Where(r => !kept.Contains(r)));
    }
}
