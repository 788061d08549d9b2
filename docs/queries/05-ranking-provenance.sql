-- Where one ranking score comes from: the top-ranked county of 山东省 (370000) in 2023, indicator by
-- indicator, from the raw figure through the ranking's steps, with the framework weight, back to the
-- sentence of the report (observations) and every candidate figure the extractor saw (mentions).
WITH chosen AS (
    SELECT year, province_code, region_code, region_name, score, rank, rank_p05, rank_p95, run_id
    FROM rankings
    WHERE year = 2023 AND province_code = '370000' AND ranked
    ORDER BY rank, region_code
    LIMIT 1
),
steps AS (
    SELECT s.region_code, s.year, s.indicator,
           max(s.value) FILTER (WHERE s.step = 'raw')         AS raw,
           max(s.value) FILTER (WHERE s.step = 'transformed') AS transformed,
           max(s.value) FILTER (WHERE s.step = 'treated')     AS treated,
           max(s.value) FILTER (WHERE s.step = 'normalised')  AS normalised
    FROM ranking_steps s
    JOIN chosen c ON s.year = c.year AND s.region_code = c.region_code
    WHERE s.indicator <> 'index'
    GROUP BY ALL
),
weights AS (
    SELECT l.run_id,
           replace(l.parameter, 'indicator/', '')                          AS indicator,
           CAST(regexp_extract(l.value, 'weight=([0-9.]+)', 1) AS DOUBLE) AS weight
    FROM ranking_log l
    WHERE l.step = 'framework' AND l.parameter LIKE 'indicator/%'
),
candidates AS (
    SELECT m.submission_id, m.indicator,
           count(*)                                                    AS candidates,
           string_agg(m.value || ' ← ' || m.evidence, ' | ' ORDER BY m.char_offset)
               FILTER (WHERE NOT m.chosen)                             AS other_candidates
    FROM mentions m
    GROUP BY ALL
)
SELECT c.region_name, c.score, c.rank, c.rank_p05, c.rank_p95,
       st.indicator, w.weight,
       st.raw, st.transformed, st.treated, round(st.normalised, 2) AS normalised,
       o.qualifier, o.evidence, o.source_file, o.char_offset, o.submission_id,
       coalesce(k.candidates, 0) AS candidates, k.other_candidates
FROM chosen c
JOIN steps st ON st.region_code = c.region_code AND st.year = c.year
LEFT JOIN weights w ON w.run_id = c.run_id AND w.indicator = st.indicator
LEFT JOIN observations o
       ON o.region_code = st.region_code AND o.year = st.year AND o.indicator = st.indicator
LEFT JOIN candidates k ON k.submission_id = o.submission_id AND k.indicator = o.indicator
ORDER BY w.weight DESC NULLS LAST, st.indicator;
