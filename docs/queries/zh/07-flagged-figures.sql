-- 2023 年被标记的数字（修正 z 值的绝对值超过阈值，至少 3.5），附原文句子。标记只是提示去读报告，不是结论。
SELECT o.province_code,
       ob.region_name            AS 地区,
       o.indicator,
       o.method,                 -- modified_z：数值本身；yoy_jump：较上年的跳变
       o.scope,                  -- 同组范围：province 省内；nation 全国
       round(o.score, 2)         AS z值,
       o.value,
       o.previous_value,
       ob.evidence               AS 原文句子,
       ob.source_file,
       ob.char_offset
FROM outliers o
JOIN observations ob
  ON ob.region_code = o.region_code AND ob.year = o.year AND ob.indicator = o.indicator
WHERE o.year = 2023
  AND o.flagged
ORDER BY abs(o.score) DESC, o.region_code, o.indicator;
