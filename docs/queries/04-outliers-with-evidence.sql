-- The flagged figures of 2023 (|modified z| above its threshold, 3.5 or more) with the sentence each was read from.
-- A flag is a prompt to read the report, not a verdict.
SELECT o.province_code,
       ob.region_name,
       o.indicator,
       o.method,                         -- modified_z: the value; yoy_jump: the change from last year
       o.scope,                          -- peers: province or nation
       round(o.score, 2)  AS score,
       o.value,
       o.previous_value,
       o.repeat_of_year,                 -- set: the flag only repeats that year's (the change back, a level that stays)
       o.group_n,
       ob.qualifier,
       ob.evidence,
       ob.source_file,
       ob.char_offset
FROM outliers o
JOIN observations ob
  ON ob.region_code = o.region_code AND ob.year = o.year AND ob.indicator = o.indicator
WHERE o.year = 2023
  AND o.flagged
ORDER BY abs(o.score) DESC, o.region_code, o.indicator, o.method, o.scope;
