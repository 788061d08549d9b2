-- The same indicator as a county × year table (one column per year), ready to paste into a spreadsheet.
PIVOT (SELECT region_code, region_name, year, value
       FROM observations
       WHERE province_code = '370000' AND indicator = 'head_appearance_rate')
ON year USING first(value)
ORDER BY region_code;
