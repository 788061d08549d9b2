-- 趋势显著的区县（Mann–Kendall 检验 p < 0.05）及 Theil–Sen 斜率（每年变化）和它的 95% 区间。
-- 只有三年数据的序列永远不会显著。
SELECT t.region_code,
       r.name                    AS 区县,
       t.indicator,
       i.name_zh                 AS 指标名称,
       t.n                       AS 年数,
       t.first_year,
       t.last_year,
       t.direction,              -- increasing 上升；decreasing 下降
       round(t.sen_slope, 3)     AS 每年变化,
       round(t.sen_ci_low, 3)    AS 区间下限,
       round(t.sen_ci_high, 3)   AS 区间上限,
       round(t.mk_p, 4)          AS mk_p
FROM trends t
LEFT JOIN regions r ON r.code = t.region_code
LEFT JOIN indicators i ON i.code = t.indicator
WHERE t.direction <> 'no_trend'
ORDER BY t.mk_p, t.region_code, t.indicator;
