# Independent outlier scores and Benford tests with base R only, for
# OutliersAndBenfordAgreeWithRTest. Inputs: observations CSV (region_code, province_code, year,
# indicator, value as hexadecimal float or NA, unit, qualifier, population or NA); the parameters of
# jobs/statistics.yaml: threshold, min_peer_group, rate_scale_floor, count_scale_floor, benford min_figures,
# family_alpha, rate_logit_floor.
# Outputs: outliers CSV and benford CSV, numbers as hexadecimal floats (sprintf %a), NA where there is no score.
args <- commandArgs(trailingOnly = TRUE)
threshold <- as.numeric(args[4]); min_peers <- as.integer(args[5])
rate_floor <- as.numeric(args[6]); count_floor <- as.numeric(args[7]); benford_min <- as.integer(args[8])
family_alpha <- as.numeric(args[9]); rate_logit_floor <- as.numeric(args[10])
# the threshold of a group of n scored figures: Davies and Gather's alpha_n = 1 - (1 - alpha)^(1/n), two-sided
threshold_of <- function(n) max(threshold, qnorm(1 - (1 - (1 - family_alpha)^(1 / n)) / 2))
# Theil-Sen slope: the median of the pairwise slopes over pairs with distinct t
theil_sen <- function(t, y) {
  pairs <- which(upper.tri(outer(t, t)), arr.ind = TRUE)
  dt <- t[pairs[, 2]] - t[pairs[, 1]]
  keep <- dt != 0
  median((y[pairs[keep, 2]] - y[pairs[keep, 1]]) / dt[keep])
}
d <- read.csv(args[1], colClasses = "character", na.strings = "NA")
d$year <- as.integer(d$year)
d$value <- as.numeric(d$value)
d$population <- as.numeric(d$population)
d <- d[!is.na(d$value), ]
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))
level <- function(code) ifelse(grepl("0000$", code), "province", ifelse(grepl("00$", code), "prefecture", "county"))
d$level <- level(d$region_code)
d$rate <- d$unit == "%"
# the level of a rate on the empirical logit of a notional hundred cases; at 0 or 100 % (a point mass) and outside
# none
d$x <- ifelse(d$rate, ifelse(d$value <= 0 | d$value >= 100, NA, log((d$value + 0.5) / (100.5 - d$value))),
              log1p(d$value))
# a count's level per 100,000 residents; the peers with a population are compared on it, those without on
# the count, each set among itself
d$per_capita <- !d$rate & !is.na(d$population) & d$population > 0
# the elasticity of a count on population among the national peers of a level (year, indicator, level): the
# Theil-Sen slope of log(x + 0.5) on log(population); the count per 100,000 is taken at their median population
d$elasticity <- NA_real_
d$x_per_capita <- NA_real_
for (key in unique(paste(d$year, d$indicator, d$level))) {
  i <- which(paste(d$year, d$indicator, d$level) == key & d$per_capita)
  if (length(i) >= min_peers) {
    lp <- log(d$population[i])
    e <- theil_sen(lp, log(d$value[i] + 0.5))
    d$elasticity[i] <- e
    d$x_per_capita[i] <- log((d$value[i] + 0.5) * 1e5 / d$population[i]) - (e - 1) * (lp - median(lp))
  }
}

# year-on-year: the same region and indicator in the year before
prev <- d[, c("region_code", "indicator", "year", "value")]
names(prev)[4] <- "previous"
prev$year <- prev$year + 1L
y <- merge(d, prev, by = c("region_code", "indicator", "year"))
y$x <- ifelse(y$rate, y$value - y$previous, log1p(y$value) - log1p(y$previous))
y$x_per_capita <- NA
y$per_capita <- FALSE

score <- function(frame, method) {
  out <- list()
  for (scope in c("nation", "province")) {
    key <- if (scope == "nation") paste(frame$year, frame$indicator, frame$level)
           else paste(frame$year, frame$indicator, frame$level, frame$province_code)
    for (peers in split(frame, key)) {
      # per capita among the peers with a population when there are enough of them, the others as counts
      split_by_population <- sum(!is.na(peers$x_per_capita)) >= min_peers
      sets <- if (split_by_population) split(peers, peers$per_capita) else list(peers)
      for (g in sets) {
        per_capita <- split_by_population && g$per_capita[1]
        x <- if (per_capita) g$x_per_capita else g$x
        # peers without a compared value (a rate at 0 or 100 %) are left out of the group
        scored <- x[!is.na(x)]
        m <- median(scored)
        s <- mad(scored, constant = 1)
        floor <- if (!g$rate[1]) count_floor else if (method == "yoy_jump") rate_floor else rate_logit_floor
        scale <- max(s, 0.6745 * sqrt(pi / 2) * mean(abs(scored - m)), floor)
        z <- if (length(scored) >= min_peers && scale > 1e-9 * max(1, abs(m))) 0.6745 * (x - m) / scale
             else rep(NA_real_, nrow(g))
        limit <- threshold_of(length(scored))
        out[[length(out) + 1]] <- data.frame(region_code = g$region_code, year = g$year,
                                             indicator = g$indicator, scope = scope, method = method,
                                             z = z, score = hex(z), flagged = !is.na(z) & abs(z) > limit,
                                             group_median = hex(m), group_mad = hex(s), scale = hex(scale),
                                             population = if (per_capita) g$population else NA,
                                             threshold = hex(limit),
                                             elasticity = if (per_capita) hex(g$elasticity) else NA)
      }
    }
  }
  do.call(rbind, out)
}
o <- rbind(score(d, "modified_z"), score(y, "yoy_jump"))
# a repeat of last year's flag: the figure of the year before was flagged in direction d (its level's, else its
# jump's: the sign of the flagged score largest in size), and this year only a jump of -d or only a level of d is
o$figure <- paste(o$region_code, o$indicator, o$year)
direction_of <- function(m) sign(tapply(ifelse(o$flagged & o$method == m, o$z, 0), o$figure,
                                        function(v) v[which.max(abs(v))]))
level_direction <- direction_of("modified_z")
jump_direction <- direction_of("yoy_jump")
figure_direction <- ifelse(level_direction != 0, level_direction, jump_direction)
before <- figure_direction[paste(o$region_code, o$indicator, o$year - 1)]
l <- level_direction[o$figure]
j <- jump_direction[o$figure]
repeated <- !is.na(before) & before != 0 & ((l == 0 & j == -before) | (j == 0 & l == before))
o$repeat_of_year <- ifelse(repeated & o$flagged, o$year - 1, NA)
o$z <- NULL
o$figure <- NULL
write.csv(o, args[2], row.names = FALSE, quote = FALSE)

b <- d[d$qualifier %in% c("exact", "at_least") & d$unit != "%" & d$value >= 1, ]
b$digit <- as.integer(substr(sprintf("%.0f", floor(b$value)), 1, 1))
p <- log10(1 + 1 / (1:9))
rows <- lapply(split(b, paste(b$province_code, b$year)), function(g) {
  counts <- tabulate(g$digit, nbins = 9)
  test <- suppressWarnings(chisq.test(counts, p = p))
  mad <- mean(abs(counts / sum(counts) - p))
  conformity <- if (sum(counts) < benford_min) "insufficient_data"
                else if (mad <= 0.006) "close" else if (mad <= 0.012) "acceptable"
                else if (mad <= 0.015) "marginal" else "nonconformity"
  data.frame(province_code = g$province_code[1], year = g$year[1], n = sum(counts),
             chi_square = hex(unname(test$statistic)), df = unname(test$parameter), p_value = hex(test$p.value),
             mad = hex(mad), conformity = conformity, d1 = counts[1], d9 = counts[9])
})
write.csv(do.call(rbind, rows), args[3], row.names = FALSE, quote = FALSE)
