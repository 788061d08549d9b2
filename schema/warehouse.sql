-- The warehouse's tables, documented for whoever queries them.
--
-- Every table of the warehouse is a folder of Parquet files, exposed by `fazhi sql` (and by
-- fazhi.warehouse.WarehouseConnection) as a DuckDB view of the same name. After creating the views,
-- WarehouseConnection runs this file, so the descriptions below are visible from SQL:
--
--     ./fazhi sql "select table_name, column_name, comment from duckdb_columns() where comment is not null"
--     ./fazhi sql "select view_name, comment from duckdb_views() where comment is not null"
--
-- A statement about a table (or column) that a warehouse version does not have is skipped. A
-- `CREATE OR REPLACE VIEW name AS ...` statement defines a derived view (per_capita) over the tables; it is
-- created before the comments, and skipped when a table it reads is missing.
-- Keep one statement per table and per column: a test checks that every column of every view of a
-- built warehouse has a comment. Statements end with a semicolon at the end of a line; quotes inside a
-- comment are doubled ('').
-- Every column here also has a short Chinese label in schema/column-labels-zh.csv (fazhi sql --labels zh;
-- ColumnLabelsTest checks that none is missing).

-- observations ---------------------------------------------------------------------------------------
COMMENT ON VIEW observations IS 'One canonical figure per (region, year, indicator), as extracted from a report, normalised and validated. Partitioned by year and province. Trace a number back with evidence / char_offset / source_file, or to every candidate through mentions.';
COMMENT ON COLUMN observations.submission_id IS 'sha-256 of the report file''s bytes; joins submissions and mentions';
COMMENT ON COLUMN observations.region_code IS 'GB/T 2260 code of the reporting region (county, prefecture or province); joins regions.code';
COMMENT ON COLUMN observations.region_name IS 'Chinese name of the region (from the GB/T 2260 table)';
COMMENT ON COLUMN observations.province_code IS 'GB/T 2260 code of the region''s province (xx0000)';
COMMENT ON COLUMN observations.year IS 'the year the figure describes (the report''s work year, not its publication year); hive partition';
COMMENT ON COLUMN observations.province IS 'hive partition folder: the province code, same as province_code';
COMMENT ON COLUMN observations.indicator IS 'indicator code of the catalog; joins indicators.code';
COMMENT ON COLUMN observations.value IS 'the figure in the indicator''s unit (DOUBLE); null when the report redacts it (qualifier redacted)';
COMMENT ON COLUMN observations.unit IS 'unit of value: % for rates (0-100), otherwise a counting word such as 件, 个, 人, 项';
COMMENT ON COLUMN observations.qualifier IS 'how exact the report is: exact, at_least (余 / 以上), approx (约), at_most (不足 / 以下) or redacted (X, 略)';
COMMENT ON COLUMN observations.evidence IS 'the sentence of the report the figure was read from';
COMMENT ON COLUMN observations.char_offset IS 'where the figure starts in the report text as decoded, counted in characters (UTF-16 units) from 0: for a .txt file the file itself (newlines as LF), for html/docx/doc/wps/pdf the text `fazhi text FILE` prints; `fazhi text FILE --at OFFSET` shows it';
COMMENT ON COLUMN observations.source_file IS 'file name of the report in the input folder';
COMMENT ON COLUMN observations.rule IS 'the extraction rule (indicator:phrasing) that found the figure';
COMMENT ON COLUMN observations.run_id IS 'the nightly run that extracted the figure';
COMMENT ON COLUMN observations.synthetic IS 'true when the figure comes from a generated (synthetic) report: for testing only, never for publication';
COMMENT ON COLUMN observations.corrected IS 'true when a statistician''s correction (fazhi correct, corrections.csv; the corrections table) set value and qualifier; the figure as read from the report is then in extracted_value';
COMMENT ON COLUMN observations.extracted_value IS 'the value as read from the report text (equal to value unless corrected); null when the extractor did not find the figure and a correction added it (rule correction)';
COMMENT ON COLUMN observations.extracted_qualifier IS 'the qualifier as read from the report text (equal to qualifier unless corrected); null for a figure a correction added';

-- mentions -------------------------------------------------------------------------------------------
COMMENT ON VIEW mentions IS 'Every candidate figure the extractor found, chosen or not (the audit trail behind observations). Partitioned by year.';
COMMENT ON COLUMN mentions.submission_id IS 'sha-256 of the report file''s bytes; joins submissions and observations';
COMMENT ON COLUMN mentions.region_code IS 'GB/T 2260 code of the reporting region';
COMMENT ON COLUMN mentions.year IS 'the year the figure describes; hive partition';
COMMENT ON COLUMN mentions.indicator IS 'indicator code of the catalog';
COMMENT ON COLUMN mentions.value IS 'the normalised figure; null when redacted';
COMMENT ON COLUMN mentions.unit IS 'unit of value';
COMMENT ON COLUMN mentions.qualifier IS 'exact, at_least, approx, at_most or redacted';
COMMENT ON COLUMN mentions.evidence IS 'the sentence the candidate was read from';
COMMENT ON COLUMN mentions.char_offset IS 'where the candidate starts in the report text as decoded (as observations.char_offset; `fazhi text FILE --at OFFSET`)';
COMMENT ON COLUMN mentions.rule IS 'the extraction rule (indicator:phrasing) that found the candidate';
COMMENT ON COLUMN mentions.chosen IS 'true for the candidate that became the observation of its (region, year, indicator)';
COMMENT ON COLUMN mentions.run_id IS 'the nightly run that extracted the candidate';

-- submissions ----------------------------------------------------------------------------------------
COMMENT ON VIEW submissions IS 'One row per input file ever seen: its identity, how it was read, and the status it ended in, with the reason.';
COMMENT ON COLUMN submissions.submission_id IS 'sha-256 of the file''s bytes (hex)';
COMMENT ON COLUMN submissions.source_file IS 'file name in the input folder';
COMMENT ON COLUMN submissions.bytes IS 'file size in bytes';
COMMENT ON COLUMN submissions.format IS 'txt, html, docx, pdf, csv or json';
COMMENT ON COLUMN submissions.encoding IS 'detected character encoding of a text file (UTF-8, GB18030), null where not applicable';
COMMENT ON COLUMN submissions.region_code IS 'GB/T 2260 code of the submitting region (manifest first, else inferred from the text); null when unresolved';
COMMENT ON COLUMN submissions.year IS 'the work year the report covers; null when unresolved';
COMMENT ON COLUMN submissions.status IS 'published, quarantined, duplicate or failed';
COMMENT ON COLUMN submissions.reason IS 'why the file ended in its status (for example region_unresolved: ...)';
COMMENT ON COLUMN submissions.observations IS 'number of observations the file contributed';
COMMENT ON COLUMN submissions.run_id IS 'the nightly run that handled the file';
COMMENT ON COLUMN submissions.ingested_at IS 'when the file was handled';
COMMENT ON COLUMN submissions.synthetic IS 'true for generated (synthetic) reports';
COMMENT ON COLUMN submissions.expected_status IS 'status the manifest says the file is expected to end in (a known-unusable file is acknowledged); null when not stated';

-- corrections ----------------------------------------------------------------------------------------
COMMENT ON VIEW corrections IS 'Every correction of a figure (fazhi correct records in WAREHOUSE/corrections.csv; a corrections.csv in the input folder is read too) and what the latest run made of it: one row per correction, whether applied or not (the README, Corrections).';
COMMENT ON COLUMN corrections.region_code IS 'GB/T 2260 code of the region whose figure is corrected; null for a row that could not be read';
COMMENT ON COLUMN corrections.region_name IS 'Chinese name of the region';
COMMENT ON COLUMN corrections.year IS 'the year of the figure';
COMMENT ON COLUMN corrections.indicator IS 'indicator code of the figure';
COMMENT ON COLUMN corrections.value IS 'the corrected figure in the indicator''s unit; null when not_reported (or redacted)';
COMMENT ON COLUMN corrections.qualifier IS 'the corrected qualifier (exact, at_least, approx, at_most, redacted); null when not_reported';
COMMENT ON COLUMN corrections.not_reported IS 'true when the report does not state the figure: the extracted one is taken out of observations (it stays in mentions)';
COMMENT ON COLUMN corrections.reason IS 'why the figure is corrected, as the statistician wrote it';
COMMENT ON COLUMN corrections.corrected_by IS 'who corrected it (the by column of the file)';
COMMENT ON COLUMN corrections.corrected_at IS 'when it was recorded (recorded_at); of several corrections of one figure the latest is in force';
COMMENT ON COLUMN corrections.evidence IS 'what the figure was checked against (a sentence, a page of the printed report); the evidence of a figure the correction adds';
COMMENT ON COLUMN corrections.extracted_value IS 'the value the report gave as extracted, which the correction replaces (of the report in submission_id); null when the extractor had not found the figure';
COMMENT ON COLUMN corrections.extracted_qualifier IS 'the qualifier of the extracted figure; null when the extractor had not found it';
COMMENT ON COLUMN corrections.submission_id IS 'the report the correction was made against (sha-256): the one that gave the region and year their figures when the correction was first applied';
COMMENT ON COLUMN corrections.source_file IS 'file name of that report';
COMMENT ON COLUMN corrections.status IS 'applied; needs_review (the report was replaced by another since: not applied, record it again after checking); superseded (a later correction of the same figure is in force); no_report (no published report for the region and year yet); held_back (an error-severity validation rule holds the corrected figure back); invalid (the row cannot be used)';
COMMENT ON COLUMN corrections.status_reason IS 'the status in words: what was replaced, which report replaced the corrected one, or for invalid the file, line and reason';
COMMENT ON COLUMN corrections.recorded_in IS 'ledger (WAREHOUSE/corrections.csv, written by fazhi correct and fazhi review import) or input (corrections.csv of the input folder)';
COMMENT ON COLUMN corrections.line IS 'line of the row in that file';
COMMENT ON COLUMN corrections.run_id IS 'the run that applied (or judged) the correction';

-- validation_issues ----------------------------------------------------------------------------------
COMMENT ON VIEW validation_issues IS 'One row per figure that broke a validation rule (schema/validation-rules.yaml). Partitioned by year.';
COMMENT ON COLUMN validation_issues.submission_id IS 'the report the figure came from';
COMMENT ON COLUMN validation_issues.region_code IS 'GB/T 2260 code of the region';
COMMENT ON COLUMN validation_issues.year IS 'the year of the figure; hive partition';
COMMENT ON COLUMN validation_issues.indicator IS 'indicator code';
COMMENT ON COLUMN validation_issues.rule IS 'id of the broken rule; joins validation_summary.rule';
COMMENT ON COLUMN validation_issues.severity IS 'error or warning';
COMMENT ON COLUMN validation_issues.message IS 'what is wrong, in words';
COMMENT ON COLUMN validation_issues.run_id IS 'the run that validated the figure';

-- validation_summary ---------------------------------------------------------------------------------
COMMENT ON VIEW validation_summary IS 'One row per validation rule: how many items it was confronted with and how they fared (R validate''s confrontation summary).';
COMMENT ON COLUMN validation_summary.rule IS 'rule id';
COMMENT ON COLUMN validation_summary.severity IS 'error or warning';
COMMENT ON COLUMN validation_summary.scope IS 'what the rule is evaluated on (for example observation)';
COMMENT ON COLUMN validation_summary.items IS 'number of items the rule was evaluated on';
COMMENT ON COLUMN validation_summary.passes IS 'items that satisfied the rule';
COMMENT ON COLUMN validation_summary.fails IS 'items that broke the rule (listed in validation_issues)';
COMMENT ON COLUMN validation_summary.not_applicable IS 'items the rule could not judge (a needed value missing)';
COMMENT ON COLUMN validation_summary.error IS 'error text when the rule itself could not be evaluated, else null';
COMMENT ON COLUMN validation_summary.expression IS 'the rule''s SQL expression';
COMMENT ON COLUMN validation_summary.message IS 'the message given for a failing item';
COMMENT ON COLUMN validation_summary.run_id IS 'the run that evaluated the rule';

-- regions --------------------------------------------------------------------------------------------
COMMENT ON VIEW regions IS 'The GB/T 2260 administrative regions (schema/regions.csv): provinces, prefectures and counties.';
COMMENT ON COLUMN regions.code IS 'six-digit GB/T 2260 code';
COMMENT ON COLUMN regions.name IS 'Chinese name';
COMMENT ON COLUMN regions.level IS 'province (xx0000), prefecture (xxxx00) or county';
COMMENT ON COLUMN regions.parent_code IS 'code of the region directly above; null for a province';
COMMENT ON COLUMN regions.province_code IS 'code of the province';
COMMENT ON COLUMN regions.province_name IS 'name of the province';
COMMENT ON COLUMN regions.prefecture_code IS 'code of the prefecture; null for a province';
COMMENT ON COLUMN regions.prefecture_name IS 'name of the prefecture; null for a province';
COMMENT ON COLUMN regions.full_name IS 'province, prefecture and region names joined (山东省聊城市冠县)';

-- indicators -----------------------------------------------------------------------------------------
COMMENT ON VIEW indicators IS 'The indicator catalog (schema/indicators.yaml): one row per indicator code.';
COMMENT ON COLUMN indicators.code IS 'indicator code; joins observations.indicator';
COMMENT ON COLUMN indicators.domain IS 'the area of rule-of-law work the indicator belongs to';
COMMENT ON COLUMN indicators.name_zh IS 'Chinese name of the indicator';
COMMENT ON COLUMN indicators.unit IS 'unit: % for rates, otherwise a counting word';
COMMENT ON COLUMN indicators.kind IS 'count or rate';
COMMENT ON COLUMN indicators.description IS 'what the indicator means';

-- trends ---------------------------------------------------------------------------------------------
COMMENT ON VIEW trends IS 'One row per (region, indicator) with at least three years carrying a value: OLS and Theil-Sen slopes and the Mann-Kendall test (the README, Statistics).';
COMMENT ON COLUMN trends.region_code IS 'GB/T 2260 code of the region: the latest code of its series (a county recoded from 县 to 区 or 市 keeps one series, see region_codes)';
COMMENT ON COLUMN trends.region_codes IS 'the codes the series was reported under, oldest first (431121,431181 for 祁阳县 → 祁阳市); region_lineage has each change';
COMMENT ON COLUMN trends.province_code IS 'code of the region''s province';
COMMENT ON COLUMN trends.indicator IS 'indicator code, or disclosure_share for the share of the catalog the county''s reports disclose (the disclosure table)';
COMMENT ON COLUMN trends.n IS 'number of years with a value';
COMMENT ON COLUMN trends.first_year IS 'first year of the series';
COMMENT ON COLUMN trends.last_year IS 'last year of the series (gaps are allowed: time is the calendar year)';
COMMENT ON COLUMN trends.ols_slope IS 'least-squares slope of value on year, in units per year';
COMMENT ON COLUMN trends.ols_slope_ci_low IS 'lower bound of the 95 % t-interval of ols_slope';
COMMENT ON COLUMN trends.ols_slope_ci_high IS 'upper bound of the 95 % t-interval of ols_slope';
COMMENT ON COLUMN trends.ols_p IS 'two-sided t-test p-value of a zero OLS slope; null for a constant series';
COMMENT ON COLUMN trends.sen_slope IS 'Theil-Sen slope: median of the pairwise slopes, in units per year';
COMMENT ON COLUMN trends.sen_intercept IS 'median(value) - sen_slope * median(year): the Theil-Sen line is sen_intercept + sen_slope * year';
COMMENT ON COLUMN trends.sen_ci_low IS 'lower bound of the 95 % interval of sen_slope (as R trend::sens.slope); null for short series';
COMMENT ON COLUMN trends.sen_ci_high IS 'upper bound of the 95 % interval of sen_slope; null for short series';
COMMENT ON COLUMN trends.mk_s IS 'Mann-Kendall S: concordant minus discordant pairs';
COMMENT ON COLUMN trends.mk_var_s IS 'variance of S with the tie correction';
COMMENT ON COLUMN trends.mk_z IS 'continuity-corrected normal score of S';
COMMENT ON COLUMN trends.mk_p IS 'two-sided p-value of the Mann-Kendall test (method in mk_p_method)';
COMMENT ON COLUMN trends.mk_p_method IS 'exact (permutation distribution, no ties and n < 50) or normal';
COMMENT ON COLUMN trends.kendall_tau IS 'Kendall''s tau-b between year and value';
COMMENT ON COLUMN trends.direction IS 'increasing or decreasing when mk_p < 0.05, else no_trend (three years can never be significant)';
COMMENT ON COLUMN trends.synthetic IS 'true for a series of synthetic figures; real and synthetic figures never share a series';
COMMENT ON COLUMN trends.run_id IS 'the run that computed the statistics';

-- outliers -------------------------------------------------------------------------------------------
COMMENT ON VIEW outliers IS 'Modified z-scores of every figure against its peers (same level and kind, in the province when it has at least outliers.min_peer_group of them, and nationally), for values and year-on-year jumps, divided by max(MAD, a floor). Partitioned by year. A flag is a prompt to read the evidence, not a verdict.';
COMMENT ON COLUMN outliers.region_code IS 'GB/T 2260 code of the region';
COMMENT ON COLUMN outliers.province_code IS 'code of the region''s province';
COMMENT ON COLUMN outliers.year IS 'year of the figure; hive partition';
COMMENT ON COLUMN outliers.indicator IS 'indicator code';
COMMENT ON COLUMN outliers.value IS 'the reported figure (for yoy_jump: this year''s)';
COMMENT ON COLUMN outliers.previous_value IS 'for yoy_jump: the previous year''s figure; else null';
COMMENT ON COLUMN outliers.scored_value IS 'the number that was scored: for counts with a population log((value + 0.5) per 100,000 residents) at the peers'' median population (see elasticity), else log1p(value); for rates the empirical logit log((value + 0.5) / (100.5 - value)), null at 0 or 100 %; for yoy_jump the log ratio or the difference in points';
COMMENT ON COLUMN outliers.scope IS 'peer group: province (the region''s own province) or nation';
COMMENT ON COLUMN outliers.level IS 'administrative level compared: province, prefecture or county';
COMMENT ON COLUMN outliers.method IS 'modified_z (the value) or yoy_jump (the change from the previous year)';
COMMENT ON COLUMN outliers.score IS 'modified z = 0.6745 (x - median) / scale; null when not scored (not_scored_reason)';
COMMENT ON COLUMN outliers.flagged IS 'true when |score| > threshold (3.5, Iglewicz-Hoaglin, raised in large peer groups: see threshold)';
COMMENT ON COLUMN outliers.group_n IS 'size of the peer group';
COMMENT ON COLUMN outliers.group_median IS 'median of the peer group''s scored values';
COMMENT ON COLUMN outliers.group_mad IS 'raw median absolute deviation of the peer group''s scored values';
COMMENT ON COLUMN outliers.scale IS 'what the distance from the median is divided by: max(group_mad, 0.6745 sqrt(pi/2) mean|x - median|, floor), the floor 0.5 on the logit for the level of a rate, 2.5 percentage points for its jump and 0.2 on the log scale for counts (jobs/statistics.yaml)';
COMMENT ON COLUMN outliers.not_scored_reason IS 'why there is no score: peer_group_too_small (a province with fewer counties than outliers.min_peer_group: see the nation row), at_bound (the level of a rate at 0 or 100 %: a point mass, not part of the spread; its jump is scored) or no_scale; null when scored';
COMMENT ON COLUMN outliers.population IS 'for the level of a count: the residents it was divided by (scored as log((value + 0.5) per 100,000 residents) among the peers that have a population, when at least 10 have one); null when compared as it is';
COMMENT ON COLUMN outliers.threshold IS 'what |score| had to exceed in this peer group: the larger of 3.5 and the two-sided normal quantile of 1 - (1 - 0.05)^(1/group_n) (Davies and Gather 1993; outliers.family_alpha), so that a group of ordinary figures has a false flag with probability 5 % however large it is';
COMMENT ON COLUMN outliers.elasticity IS 'for the level of a count compared per resident: how the count grows with population among the nation''s peers that year (Theil-Sen slope of log(value + 0.5) on log(population)); scored_value is then the count per 100,000 residents a county of the peers'' median population would report; null otherwise';
COMMENT ON COLUMN outliers.repeat_of_year IS 'on a flagged row: the year before, when this flag only repeats that year''s flag of the same series (the change back after a one-year outlier, or a level that stays where a flagged change took it); null for a finding of its own. Count findings as the figures with a flagged row whose repeat_of_year is null';
COMMENT ON COLUMN outliers.synthetic IS 'true when the figure and its peers are synthetic (real and synthetic figures are never peers of each other)';
COMMENT ON COLUMN outliers.run_id IS 'the run that computed the statistics';

-- benford --------------------------------------------------------------------------------------------
COMMENT ON VIEW benford IS 'First-digit (Benford) check of each province-year''s reported counts (real and synthetic apart): chi-square and Nigrini''s MAD, with a conformity label only from benford.min_figures (600) figures on. A departure is a prompt to look, not evidence of wrongdoing.';
COMMENT ON COLUMN benford.province_code IS 'code of the province';
COMMENT ON COLUMN benford.year IS 'year of the figures';
COMMENT ON COLUMN benford.n IS 'number of counts tallied';
COMMENT ON COLUMN benford.chi_square IS 'Pearson chi-square against Benford''s first-digit distribution';
COMMENT ON COLUMN benford.df IS 'degrees of freedom (8)';
COMMENT ON COLUMN benford.p_value IS 'upper-tail chi-square p-value';
COMMENT ON COLUMN benford.chi_square_reliable IS 'false when n < 110 (expected counts below 5: the p-value is rough)';
COMMENT ON COLUMN benford.mad IS 'Nigrini''s mean absolute deviation of the digit shares';
COMMENT ON COLUMN benford.conformity IS 'Nigrini''s band: close, acceptable, marginal or nonconformity; insufficient_data below 600 figures, where even Benford-distributed data often falls in the nonconformity band';
COMMENT ON COLUMN benford.d1 IS 'number of counts with first digit 1';
COMMENT ON COLUMN benford.d2 IS 'number of counts with first digit 2';
COMMENT ON COLUMN benford.d3 IS 'number of counts with first digit 3';
COMMENT ON COLUMN benford.d4 IS 'number of counts with first digit 4';
COMMENT ON COLUMN benford.d5 IS 'number of counts with first digit 5';
COMMENT ON COLUMN benford.d6 IS 'number of counts with first digit 6';
COMMENT ON COLUMN benford.d7 IS 'number of counts with first digit 7';
COMMENT ON COLUMN benford.d8 IS 'number of counts with first digit 8';
COMMENT ON COLUMN benford.d9 IS 'number of counts with first digit 9';
COMMENT ON COLUMN benford.synthetic IS 'true for a tally of synthetic figures; real and synthetic figures are tallied apart';
COMMENT ON COLUMN benford.run_id IS 'the run that computed the statistics';

-- disclosure -----------------------------------------------------------------------------------------
COMMENT ON VIEW disclosure IS 'The disclosure index: which figures of the indicator catalog each report gives a value for, overall and by domain, and the rank of each county among its province''s counties that year, with a bootstrap interval over the catalog (the README, The disclosure index). Partitioned by year.';
COMMENT ON COLUMN disclosure.region_code IS 'GB/T 2260 code of the reporting region';
COMMENT ON COLUMN disclosure.region_name IS 'Chinese name of the region';
COMMENT ON COLUMN disclosure.province_code IS 'code of the region''s province';
COMMENT ON COLUMN disclosure.year IS 'the work year of the report; hive partition';
COMMENT ON COLUMN disclosure.indicators_disclosed IS 'catalog indicators the report gives a value for (a redacted figure, X件 or (略), is not disclosed)';
COMMENT ON COLUMN disclosure.catalog_size IS 'indicators in the catalog (schema/indicators.yaml)';
COMMENT ON COLUMN disclosure.share IS 'indicators_disclosed / catalog_size, 0-1';
COMMENT ON COLUMN disclosure.domain_shares IS 'MAP domain -> share of that domain''s catalog indicators disclosed, e.g. domain_shares[''litigation'']';
COMMENT ON COLUMN disclosure.rank IS 'rank among the county-level reports of the province, year and kind (1 = discloses most; equal shares share the better rank); null for prefecture and province reports';
COMMENT ON COLUMN disclosure.rank_p05 IS '5th percentile of the rank over 1000 bootstrap draws of the catalog''s indicators';
COMMENT ON COLUMN disclosure.rank_median IS 'median rank over the bootstrap draws';
COMMENT ON COLUMN disclosure.rank_p95 IS '95th percentile of the rank over the bootstrap draws';
COMMENT ON COLUMN disclosure.peers IS 'how many counties the rank is among';
COMMENT ON COLUMN disclosure.synthetic IS 'true for a synthetic report; real and synthetic reports are never ranked together';
COMMENT ON COLUMN disclosure.run_id IS 'the run that computed the statistics';

-- population ---------------------------------------------------------------------------------------
COMMENT ON VIEW population IS 'Resident population (常住人口) of every county''s current territory, 2010-2025, from the 2010 and 2020 censuses (schema/reference/population.csv): census years as counted, years between on the straight line, later years the 2020 census (the README, Denominators). Earlier codes of a recoded county have rows too.';
COMMENT ON COLUMN population.region_code IS 'GB/T 2260 code (current, or an earlier code of a recoded county); joins observations.region_code';
COMMENT ON COLUMN population.year IS 'the year';
COMMENT ON COLUMN population.population IS 'resident population, persons (interpolated years rounded half up)';
COMMENT ON COLUMN population.method IS 'census, interpolated, nearest_census (years after 2020) or one_census (only one census fits the territory as it is now)';
COMMENT ON COLUMN population.census2010 IS '2010 census figure of the territory; null when that census does not fit it (land went to another unit since)';
COMMENT ON COLUMN population.census2020 IS '2020 census figure of the territory; null when that census does not fit it';
COMMENT ON COLUMN population.source IS 'the census rows summed, e.g. census 2010: 110101+110103 (东城区 and 崇文区, merged in 2010)';
COMMENT ON COLUMN population.transfer_since_census IS 'true when a town-level transfer (region_lineage change transferred) moved land into or out of the territory after the census used; the figure is then off by an unknown amount';

-- region_lineage -------------------------------------------------------------------------------------
COMMENT ON VIEW region_lineage IS 'County code changes 2010-2024 from the civil-affairs code lists (schema/reference/region-changes.csv and region-transfers.csv): one row per old -> new link, with the series each old code continues in.';
COMMENT ON COLUMN region_lineage.year IS 'the first year-end code list showing the change';
COMMENT ON COLUMN region_lineage.old_code IS 'the code before the change (the donor for created and transferred); null for a unit created from nothing';
COMMENT ON COLUMN region_lineage.old_name IS 'name under the old code';
COMMENT ON COLUMN region_lineage.new_code IS 'the code after the change (the receiver for transferred)';
COMMENT ON COLUMN region_lineage.new_name IS 'name under the new code';
COMMENT ON COLUMN region_lineage.change IS 'renamed, recoded (县 -> 区 / 市, or a new prefecture), merged, created, split, abolished, or transferred (part of the land moved, neither code changed)';
COMMENT ON COLUMN region_lineage.continues_series IS 'true for renamed and recoded: the old and new code are one territory and one series (trends follow it)';
COMMENT ON COLUMN region_lineage.series_code IS 'the latest code of the old code''s series';
COMMENT ON COLUMN region_lineage.current_code IS 'the code that holds the old code''s land now; null when it was divided among several units';

-- knowledge_files ------------------------------------------------------------------------------------
COMMENT ON VIEW knowledge_files IS 'The knowledge files (catalog, lexicon, rules, reference tables, ranking framework) the run that made this version read, with their sha-256: which knowledge produced these figures; after a fazhi stats run also the files of the run whose observations it kept, marked by carried_from. An edited copy given with --catalog DIR or --framework FILE shows its path as source.';
COMMENT ON COLUMN knowledge_files.version IS 'the warehouse version folder the run published';
COMMENT ON COLUMN knowledge_files.file IS 'the file''s path in the repository, e.g. schema/indicators.yaml';
COMMENT ON COLUMN knowledge_files.sha256 IS 'sha-256 of the bytes read (hex); equal hashes, equal knowledge';
COMMENT ON COLUMN knowledge_files.source IS 'bundled (the copy in the jar) or the path of the edited copy that replaced it';
COMMENT ON COLUMN knowledge_files.carried_from IS 'null when the run that made this version read the file; else the version whose run read it, for the tables this run carried over unchanged (fazhi stats keeps the observations of the ingest before it)';

-- per_capita (a view over observations, population and indicators) -----------------------------------
CREATE OR REPLACE VIEW per_capita AS
SELECT o.region_code, o.region_name, o.province_code, o.year, o.indicator, o.value, o.unit, o.qualifier,
       p.population, o.value * 100000.0 / p.population AS per_100k, p.method AS population_method, o.synthetic
FROM observations o
JOIN indicators i ON i.code = o.indicator AND i.kind = 'count'
LEFT JOIN population p ON p.region_code = o.region_code AND p.year = o.year
WHERE o.value IS NOT NULL;
COMMENT ON VIEW per_capita IS 'Every count of observations per 100,000 residents (population of the same region and year); rates are left out. per_100k is null where no census fits the territory.';
COMMENT ON COLUMN per_capita.region_code IS 'GB/T 2260 code of the region';
COMMENT ON COLUMN per_capita.region_name IS 'Chinese name of the region';
COMMENT ON COLUMN per_capita.province_code IS 'code of the region''s province';
COMMENT ON COLUMN per_capita.year IS 'the year of the figure';
COMMENT ON COLUMN per_capita.indicator IS 'indicator code (kind count)';
COMMENT ON COLUMN per_capita.value IS 'the figure as reported';
COMMENT ON COLUMN per_capita.unit IS 'unit of value';
COMMENT ON COLUMN per_capita.qualifier IS 'exact, at_least, approx or at_most';
COMMENT ON COLUMN per_capita.population IS 'resident population of the region that year (population table)';
COMMENT ON COLUMN per_capita.per_100k IS 'value * 100000 / population; null without a population';
COMMENT ON COLUMN per_capita.population_method IS 'how the population of that year was obtained (population.method)';
COMMENT ON COLUMN per_capita.synthetic IS 'true for a synthetic figure';

-- rankings -------------------------------------------------------------------------------------------
COMMENT ON VIEW rankings IS 'Provincial rankings of counties on the composite index, one row per county and year, with the 5th-95th percentile rank interval (the README, How fazhi ranks counties). Partitioned by year. Read the interval, not the rank.';
COMMENT ON COLUMN rankings.year IS 'ranking year; hive partition';
COMMENT ON COLUMN rankings.province_code IS 'code of the province the county is ranked in';
COMMENT ON COLUMN rankings.region_code IS 'GB/T 2260 code of the county';
COMMENT ON COLUMN rankings.region_name IS 'Chinese name of the county';
COMMENT ON COLUMN rankings.score IS 'composite index, 0-100 (weighted mean of the normalised indicators); null when not ranked';
COMMENT ON COLUMN rankings.rank IS 'rank within the province and year, 1 = best; equal scores share the better rank; null when not ranked';
COMMENT ON COLUMN rankings.rank_p05 IS '5th percentile of the rank over the Monte Carlo runs (weights and method perturbed)';
COMMENT ON COLUMN rankings.rank_median IS 'median rank over the Monte Carlo runs';
COMMENT ON COLUMN rankings.rank_p95 IS '95th percentile of the rank over the Monte Carlo runs';
COMMENT ON COLUMN rankings.indicators_used IS 'number of reported indicators that entered the score';
COMMENT ON COLUMN rankings.indicators_imputed IS 'number of imputed indicators that entered the score (parameters.imputation of the framework)';
COMMENT ON COLUMN rankings.coverage IS 'share (0-1) of the framework''s indicators the county reported';
COMMENT ON COLUMN rankings.ranked IS 'false when the county was screened out (too few indicators, or too few counties in the province)';
COMMENT ON COLUMN rankings.not_ranked_reason IS 'why the county was not ranked; null when ranked';
COMMENT ON COLUMN rankings.synthetic IS 'true when any input observation was synthetic: for testing only';
COMMENT ON COLUMN rankings.framework IS 'name of the ranking framework (jobs/ranking-default.yaml)';
COMMENT ON COLUMN rankings.run_id IS 'the run that computed the ranking';

-- ranking_steps --------------------------------------------------------------------------------------
COMMENT ON VIEW ranking_steps IS 'Every step''s dataset of the ranking, long format: raw, screened, transformed, treated, normalised, and the aggregated index. Partitioned by year.';
COMMENT ON COLUMN ranking_steps.year IS 'ranking year; hive partition';
COMMENT ON COLUMN ranking_steps.province_code IS 'code of the province';
COMMENT ON COLUMN ranking_steps.region_code IS 'GB/T 2260 code of the county';
COMMENT ON COLUMN ranking_steps.indicator IS 'indicator code, or index for the aggregated score';
COMMENT ON COLUMN ranking_steps.step IS 'raw, screened, transformed, treated, normalised or aggregated';
COMMENT ON COLUMN ranking_steps.value IS 'the value of the indicator for the county after that step';

-- ranking_treated_points -----------------------------------------------------------------------------
COMMENT ON VIEW ranking_treated_points IS 'Every value the ranking''s outlier treatment changed (winsorised or log-transformed) and every value its imputation filled in. Partitioned by year.';
COMMENT ON COLUMN ranking_treated_points.year IS 'ranking year';
COMMENT ON COLUMN ranking_treated_points.scope IS 'the province code, or nation, over which the indicator was treated';
COMMENT ON COLUMN ranking_treated_points.province_code IS 'code of the county''s province';
COMMENT ON COLUMN ranking_treated_points.region_code IS 'GB/T 2260 code of the county';
COMMENT ON COLUMN ranking_treated_points.indicator IS 'indicator code';
COMMENT ON COLUMN ranking_treated_points.action IS 'winhi / winlo (winsorised from above / below), log_ct (COINr log transform) or imputed';
COMMENT ON COLUMN ranking_treated_points.method IS 'winsorise or log_ct; for imputed points the imputation method (province_median, county_position)';
COMMENT ON COLUMN ranking_treated_points.value_before IS 'value before treatment (after the transform step); null for an imputed point';
COMMENT ON COLUMN ranking_treated_points.value_after IS 'value after treatment';

-- ranking_log ----------------------------------------------------------------------------------------
COMMENT ON VIEW ranking_log IS 'Parameters and outcomes of every ranking step, including the full framework text (step framework, parameter yaml): replaying it reproduces the rankings.';
COMMENT ON COLUMN ranking_log.run_id IS 'the run that computed the ranking';
COMMENT ON COLUMN ranking_log.year IS 'ranking year; null for run-wide parameters';
COMMENT ON COLUMN ranking_log.scope IS 'province code (or nation) the entry concerns; null for run-wide entries';
COMMENT ON COLUMN ranking_log.step IS 'framework, raw, screened, transformed, treated, normalised, aggregated, ranked or uncertainty';
COMMENT ON COLUMN ranking_log.parameter IS 'name of the parameter or outcome';
COMMENT ON COLUMN ranking_log.value IS 'its value, as text';
