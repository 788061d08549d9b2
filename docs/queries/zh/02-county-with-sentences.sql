-- 一个区县（历下区 370102）2023 年的全部数字，每个数字都附上原文句子和它在文件中的位置。
SELECT o.indicator,
       i.name_zh           AS 指标名称,
       o.value,
       o.unit,
       o.qualifier,                          -- exact 精确；at_least 余/以上；approx 约；at_most 不足/以下；redacted 隐去
       o.evidence          AS 原文句子,
       o.source_file,
       o.char_offset                         -- ./fazhi text 文件 --at 位置 可显示原文
FROM observations o
LEFT JOIN indicators i ON i.code = o.indicator
WHERE o.region_code = '370102' AND o.year = 2023
ORDER BY o.indicator;
