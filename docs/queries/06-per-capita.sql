-- Legal opinions (legal_opinions) per 100,000 residents across 山东省 (370000) in 2023, from the per_capita view
-- (observations joined to the population table of the 2010 and 2020 censuses), with how the population of
-- that year was obtained and which census rows it sums.
SELECT pc.region_code,
       pc.region_name,
       pc.value,
       pc.population,
       round(pc.per_100k, 2)  AS per_100k,
       pc.population_method,
       p.source               AS population_source,
       pc.synthetic
FROM per_capita pc
LEFT JOIN population p ON p.region_code = pc.region_code AND p.year = pc.year
WHERE pc.province_code = '370000'
  AND pc.indicator = 'legal_opinions'
  AND pc.year = 2023
ORDER BY pc.per_100k DESC NULLS LAST, pc.region_code;
