# Independent recomputation of a fazhi ranking (no Monte Carlo), in base R only.
# Written from the README (How fazhi ranks counties), not translated from the Java code.
#
#   Rscript recompute.R transformed.csv spec.csv params.csv out_dir
#
# transformed.csv: province_code, region_code, indicator, value   (screened-in counties, after log1p)
# spec.csv:        indicator, weight, direction
# params.csv:      name, value  (skew_threshold, kurtosis_threshold, max_winsorised, lower, upper)
# writes out_dir/treated.csv, out_dir/normalised.csv (province_code, region_code, indicator, value)
#        out_dir/scores.csv (province_code, region_code, score, rank), out_dir/shape.csv

args <- commandArgs(trailingOnly = TRUE)
tr <- read.csv(args[1], colClasses = c("character", "character", "character", "numeric"))
spec <- read.csv(args[2], colClasses = c("character", "numeric", "numeric"))
par <- read.csv(args[3], colClasses = c("character", "numeric"))
P <- setNames(par$value, par$name)
out <- args[4]

# e1071 type 2 skewness and excess kurtosis (Excel SKEW / KURT), as COINr's skew() and kurt()
skew2 <- function(x) {
  n <- length(x); d <- x - mean(x)
  sqrt(n) * sum(d^3) / sum(d^2)^1.5 * sqrt(n * (n - 1)) / (n - 2)
}
kurt2 <- function(x) {
  n <- length(x); d <- x - mean(x)
  r <- n * sum(d^4) / sum(d^2)^2
  ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
}
fails <- function(x) {
  if (length(x) < 4) return(FALSE)
  s <- skew2(x); k <- kurt2(x)
  if (is.nan(s) || is.nan(k)) return(FALSE)
  abs(s) >= P[["skew_threshold"]] && k >= P[["kurtosis_threshold"]]
}
treat <- function(x0) {
  if (!fails(x0)) return(x0)
  x <- x0; changed <- rep(FALSE, length(x))
  while (fails(x) && sum(changed) < P[["max_winsorised"]]) {
    if (skew2(x) >= 0) { i <- which(x == max(x)); x[i] <- max(x[-i]) }
    else               { i <- which(x == min(x)); x[i] <- min(x[-i]) }
    changed[i] <- TRUE
  }
  if (!fails(x)) return(x)
  log(x0 - min(x0) + 0.01 * (max(x0) - min(x0)))   # COINr log_CT on the untreated values
}

treated <- tr
shape <- data.frame()
for (g in split(seq_len(nrow(tr)), paste(tr$province_code, tr$indicator))) {
  x <- tr$value[g]
  treated$value[g] <- treat(x)
  if (length(x) >= 4) {
    shape <- rbind(shape, data.frame(province_code = tr$province_code[g[1]], indicator = tr$indicator[g[1]],
                                     skew = skew2(x), kurtosis = kurt2(x)))
  }
}

# min-max onto [lower, upper] within province, direction first; constant indicators excluded
norm <- treated
norm$value <- NA_real_
for (g in split(seq_len(nrow(treated)), paste(treated$province_code, treated$indicator))) {
  dir <- spec$direction[match(treated$indicator[g[1]], spec$indicator)]
  y <- dir * treated$value[g]
  if (max(y) > min(y)) {
    norm$value[g] <- P[["lower"]] + (P[["upper"]] - P[["lower"]]) * (y - min(y)) / (max(y) - min(y))
  }
}
norm <- norm[!is.na(norm$value), ]

# weighted arithmetic mean over the indicators a county has (weights renormalised)
norm$w <- spec$weight[match(norm$indicator, spec$indicator)]
key <- paste(norm$province_code, norm$region_code, sep = "|")
num <- tapply(norm$w * norm$value, key, sum)
den <- tapply(norm$w, key, sum)
sc <- data.frame(province_code = sub("\\|.*", "", names(num)), region_code = sub(".*\\|", "", names(num)),
                 score = as.numeric(num / den[names(num)]))
sc$rank <- NA_integer_
for (g in split(seq_len(nrow(sc)), sc$province_code)) {
  sc$rank[g] <- rank(-sc$score[g], ties.method = "min")
}

fmt <- function(df) { for (n in names(df)) if (is.double(df[[n]])) df[[n]] <- sprintf("%.17g", df[[n]]); df }
write.csv(fmt(treated), file.path(out, "treated.csv"), row.names = FALSE)
write.csv(fmt(norm[, c("province_code", "region_code", "indicator", "value")]), file.path(out, "normalised.csv"),
          row.names = FALSE)
write.csv(fmt(sc), file.path(out, "scores.csv"), row.names = FALSE)
write.csv(fmt(shape), file.path(out, "shape.csv"), row.names = FALSE)
