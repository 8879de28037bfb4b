-- The women's 500 m cup standings of 2012–13 in one statement: the cup's races in column order with their codes
-- (city code, numbered when a city holds more than one of the cup's races), then per competitor the sum of points
-- and the per-race cells. The same rows the API reads for GET /seasons/2012-13/cups/women-500/standings, summed here.
WITH cup AS (
    SELECT id, season_id, gender FROM cups WHERE season_id = '2012-13' AND slug = 'women-500'
), cup_races AS (
    SELECT ra.id, o.city_code,
           row_number() OVER (PARTITION BY o.city_code ORDER BY o.number, ra.date NULLS LAST, ra.race_order) AS n,
           count(*) OVER (PARTITION BY o.city_code) AS of_city
    FROM cup
    JOIN occasions o ON o.season_id = cup.season_id
    JOIN races ra ON ra.occasion_id = o.id AND ra.gender = cup.gender
    WHERE ra.distance IN (SELECT distance FROM cup_distances WHERE cup_id = cup.id)
)
SELECT x.competitor_id, c.name, c.nationality,
       sum(x.points) FILTER (WHERE x.status <> 'dns') AS points,
       json_object_agg(CASE WHEN r.of_city > 1 THEN r.city_code || r.n ELSE r.city_code END,
                       CASE WHEN x.status <> 'dns' THEN x.points END) AS race_points
FROM cup_races r
JOIN results x ON x.race_id = r.id
JOIN competitors c ON c.id = x.competitor_id
GROUP BY x.competitor_id, c.name, c.nationality
ORDER BY points DESC, c.name, x.competitor_id;
