-- The disclosure index of 2023: how much of the indicator catalog each county's report discloses, overall and
-- for two domains, with its rank among the counties of its province and the 90 % bootstrap interval of that rank.
SELECT d.province_code,
       d.region_code,
       d.region_name,
       d.indicators_disclosed,
       d.catalog_size,
       round(d.share, 3)                              AS share,
       round(d.domain_shares['litigation'], 2)        AS litigation,
       round(d.domain_shares['reconsideration'], 2)   AS reconsideration,
       d.rank,
       d.rank_p05,
       d.rank_p95,
       d.peers,
       d.synthetic
FROM disclosure d
WHERE d.year = 2023
ORDER BY d.province_code, d.rank NULLS LAST, d.region_code;
