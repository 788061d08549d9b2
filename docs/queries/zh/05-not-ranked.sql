-- 未参与排名的区县及原因。未排名不等于最后一名：只说明报告的指标太少，或本省当年够条件的区县不足三个。
SELECT year,
       province_code,
       region_code,
       region_name,
       indicators_used,
       round(coverage, 2)   AS coverage,
       not_ranked_reason
FROM rankings
WHERE NOT ranked
ORDER BY year, province_code, region_code;
