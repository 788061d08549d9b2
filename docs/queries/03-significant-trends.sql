-- Counties whose trend is significant (Mann–Kendall p < 0.05, so direction is not no_trend),
-- with the Theil–Sen slope per year and its 95 % interval. Three years can never be significant.
SELECT t.province_code,
       t.region_code,
       r.name                  AS region_name,
       t.indicator,
       i.name_zh               AS indicator_name,
       t.n, t.first_year, t.last_year,
       t.direction,
       round(t.sen_slope, 3)   AS sen_slope_per_year,
       round(t.sen_ci_low, 3)  AS sen_ci_low,
       round(t.sen_ci_high, 3) AS sen_ci_high,
       round(t.mk_p, 4)        AS mk_p,
       t.mk_p_method
FROM trends t
LEFT JOIN regions r ON r.code = t.region_code
LEFT JOIN indicators i ON i.code = t.indicator
WHERE t.direction <> 'no_trend'
  AND (r.level IS NULL OR r.level = 'county')
ORDER BY t.mk_p, t.region_code, t.indicator;
