# Independent outlier scores and Benford tests with base R only, for
# OutliersAndBenfordAgreeWithRTest. Input: observations CSV (region_code, province_code, year,
# indicator, value as hexadecimal float or NA, unit, qualifier). Outputs: outliers CSV and benford CSV,
# numbers as hexadecimal floats (sprintf %a), NA where there is no score.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = "character", na.strings = "NA")
d$year <- as.integer(d$year)
d$value <- as.numeric(d$value)
d <- d[!is.na(d$value), ]
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))
level <- function(code) ifelse(grepl("0000$", code), "province", ifelse(grepl("00$", code), "prefecture", "county"))
d$level <- level(d$region_code)
rate <- d$unit == "%"
d$x <- ifelse(rate, d$value, log1p(d$value))

# year-on-year: the same region and indicator in the year before
prev <- d[, c("region_code", "indicator", "year", "value")]
names(prev)[4] <- "previous"
prev$year <- prev$year + 1L
y <- merge(d, prev, by = c("region_code", "indicator", "year"))
y$x <- ifelse(y$unit == "%", y$value - y$previous, log1p(y$value) - log1p(y$previous))

score <- function(frame, method) {
  out <- list()
  for (scope in c("nation", "province")) {
    key <- if (scope == "nation") paste(frame$year, frame$indicator, frame$level)
           else paste(frame$year, frame$indicator, frame$level, frame$province_code)
    for (g in split(frame, key)) {
      m <- median(g$x)
      s <- mad(g$x, constant = 1)
      z <- if (s > 0) 0.6745 * (g$x - m) / s else rep(NA_real_, nrow(g))
      out[[length(out) + 1]] <- data.frame(region_code = g$region_code, year = g$year, indicator = g$indicator,
                                           scope = scope, method = method, score = hex(z),
                                           flagged = !is.na(z) & abs(z) > 3.5, group_median = hex(m),
                                           group_mad = hex(s))
    }
  }
  do.call(rbind, out)
}
write.csv(rbind(score(d, "modified_z"), score(y, "yoy_jump")), args[2], row.names = FALSE, quote = FALSE)

b <- d[d$qualifier %in% c("exact", "at_least") & d$unit != "%" & d$value >= 1, ]
b$digit <- as.integer(substr(sprintf("%.0f", floor(b$value)), 1, 1))
p <- log10(1 + 1 / (1:9))
rows <- lapply(split(b, paste(b$province_code, b$year)), function(g) {
  counts <- tabulate(g$digit, nbins = 9)
  test <- suppressWarnings(chisq.test(counts, p = p))
  data.frame(province_code = g$province_code[1], year = g$year[1], n = sum(counts),
             chi_square = hex(unname(test$statistic)), df = unname(test$parameter), p_value = hex(test$p.value),
             mad = hex(mean(abs(counts / sum(counts) - p))), d1 = counts[1], d9 = counts[9])
})
write.csv(do.call(rbind, rows), args[3], row.names = FALSE, quote = FALSE)
