-- Counties whose code changed between 2010 and 2024 in a way that keeps one series (a 县 becoming a 区 or 市,
-- or a move to another prefecture), with every code of the series: trends and year-on-year jumps follow
-- series_code, and the population of every code is that of the territory as it is now.
SELECT l.year,
       l.old_code,
       l.old_name,
       l.new_code,
       l.new_name,
       l.change,
       l.series_code,
       p.population AS population_2020
FROM region_lineage l
LEFT JOIN population p ON p.region_code = l.series_code AND p.year = 2020
WHERE l.continues_series
  AND l.change = 'recoded'
  AND l.old_name LIKE '%县' AND l.new_name LIKE '%区'
ORDER BY l.year, l.old_code;
