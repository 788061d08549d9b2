-- 区间支持哪些差别：甲的最差名次（P95）仍好于乙的最好名次（P05），才说甲明显领先乙。
SELECT a.region_name                       AS 领先者,
       a.rank_p05 || '–' || a.rank_p95     AS 领先者区间,
       b.region_name                       AS 落后者,
       b.rank_p05 || '–' || b.rank_p95     AS 落后者区间
FROM rankings a
JOIN rankings b
  ON b.year = a.year AND b.province_code = a.province_code AND b.ranked
WHERE a.year = 2023 AND a.province_code = '370000' AND a.ranked
  AND a.rank_p95 < b.rank_p05
ORDER BY a.rank, b.rank;
