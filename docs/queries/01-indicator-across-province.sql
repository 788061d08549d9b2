-- 行政机关负责人出庭应诉率 (head_appearance_rate) across 山东省 (370000), year by year:
-- how many counties reported it, and the spread of their figures.
SELECT year,
       count(*)                                   AS regions,
       round(median(value), 1)                    AS median,
       round(quantile_cont(value, 0.25), 1)       AS q1,
       round(quantile_cont(value, 0.75), 1)       AS q3,
       min(value)                                 AS min,
       max(value)                                 AS max,
       count(*) FILTER (WHERE qualifier <> 'exact') AS not_exact,
       bool_or(synthetic)                         AS any_synthetic
FROM observations
WHERE province_code = '370000'
  AND indicator = 'head_appearance_rate'
  AND value IS NOT NULL
GROUP BY year
ORDER BY year;
