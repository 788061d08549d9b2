-- 山东省（370000）2023 年的区县排名：名次、得分和名次的 90% 区间（第 5 至第 95 百分位）。
-- 区间大幅重叠的两个区县，不能说谁明显更好。
SELECT rank                       AS 名次,
       region_name                AS 区县,
       region_code,
       round(score, 1)            AS 得分,
       rank_p05,
       rank_median,
       rank_p95,
       rank_p95 - rank_p05        AS 区间宽度,
       indicators_used,           -- 报告了并进入得分的指标数
       indicators_imputed,        -- 插补的指标数
       round(coverage, 2)         AS coverage
FROM rankings
WHERE year = 2023 AND province_code = '370000' AND ranked
ORDER BY rank, region_code;
