-- 数据总览：各省各年有多少份报告、多少个数字，其中多少是合成数据（合成数据只用于测试，不能作为结论）。
SELECT province_code                       AS 省级代码,
       year                                AS 年度,
       count(DISTINCT submission_id)       AS 报告数,
       count(*)                            AS 数字个数,
       count(*) FILTER (WHERE synthetic)   AS 合成数字
FROM observations
GROUP BY ALL
ORDER BY province_code, year;
