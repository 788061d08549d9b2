# Independent recomputation of a fazhi ranking with per_capita indicators and imputation (no Monte Carlo,
# no outlier treatment), in base R only. Written from jobs/ranking-default.yaml and the README
# (How fazhi ranks counties), not translated from the Java code.
#
#   Rscript recompute-imputation.R raw.csv population.csv spec.csv params.csv out_dir
#
# raw.csv:        province_code, region_code, indicator, value   (screened-in counties, reported figures)
# population.csv: region_code, population
# spec.csv:       indicator, weight, direction, transform       (none | log1p | per_capita)
# params.csv:     name, value   (lower, upper, min_donors, method: 1 province_median, 2 county_position;
#                               correlation: NA = estimate)
# writes out_dir/transformed.csv, imputed.csv, normalised.csv (province_code, region_code, indicator, value),
#        out_dir/scores.csv (province_code, region_code, score, rank), out_dir/rho.csv (rho)

args <- commandArgs(trailingOnly = TRUE)
raw <- read.csv(args[1], colClasses = c("character", "character", "character", "numeric"))
pop <- read.csv(args[2], colClasses = c("character", "numeric"))
spec <- read.csv(args[3], colClasses = c("character", "numeric", "numeric", "character"))
par <- read.csv(args[4], colClasses = c("character", "numeric"))
P <- setNames(par$value, par$name)
out <- args[5]

# transform: log1p for counts, per 100 000 residents for per_capita (a county without population lacks it)
tr <- raw
tf <- spec$transform[match(tr$indicator, spec$indicator)]
tr$value[tf == "log1p"] <- log1p(tr$value[tf == "log1p"])
pc <- tf == "per_capita"
tr$value[pc] <- tr$value[pc] / pop$population[match(tr$region_code[pc], pop$region_code)] * 1e5
tr <- tr[!is.na(tr$value), ]

units <- unique(raw[, c("province_code", "region_code")])
dirs <- setNames(spec$direction, spec$indicator)

# donors per province and indicator: mean, sd (n - 1), median, range; only with at least min_donors
donor <- list()
for (g in split(seq_len(nrow(tr)), paste(tr$province_code, tr$indicator))) {
  if (length(g) >= P[["min_donors"]]) donor[[paste(tr$province_code[g[1]], tr$indicator[g[1]])]] <- tr$value[g]
}
# standardised positions z = direction (x - mean) / sd of the reporting counties
tr$z <- NA_real_
for (i in seq_len(nrow(tr))) {
  d <- donor[[paste(tr$province_code[i], tr$indicator[i])]]
  if (!is.null(d) && sd(d) > 0) tr$z[i] <- dirs[[tr$indicator[i]]] * (tr$value[i] - mean(d)) / sd(d)
}
# rho: pooled correlation of positions over indicator pairs reported together by at least 5 counties
rho <- P[["correlation"]]
if (is.na(rho)) {
  num <- 0; den <- 0
  zs <- tr[!is.na(tr$z), ]
  ind <- spec$indicator
  for (a in seq_along(ind)) for (b in seq_along(ind)) if (a < b) {
    A <- zs[zs$indicator == ind[a], c("region_code", "z")]
    B <- zs[zs$indicator == ind[b], c("region_code", "z")]
    m <- merge(A, B, by = "region_code")
    if (nrow(m) >= 5) {
      r <- suppressWarnings(cor(m$z.x, m$z.y))
      if (!is.na(r)) { num <- num + nrow(m) * r; den <- den + nrow(m) }
    }
  }
  rho <- if (den == 0) 0 else min(0.95, max(0, num / den))
}

imputed <- data.frame(province_code = character(), region_code = character(), indicator = character(),
                      value = numeric())
for (u in seq_len(nrow(units))) {
  pr <- units$province_code[u]; rc <- units$region_code[u]
  mine <- tr[tr$region_code == rc, ]
  zr <- mine$z[!is.na(mine$z)]
  n <- length(zr)
  level <- if (n == 0) 0 else mean(zr)
  b <- if (n == 0) 0 else n * rho / (1 + (n - 1) * rho)
  for (j in spec$indicator) {
    d <- donor[[paste(pr, j)]]
    if (is.null(d) || j %in% mine$indicator) next
    v <- if (P[["method"]] == 1) median(d) else min(max(mean(d) + dirs[[j]] * b * level * sd(d), min(d)), max(d))
    imputed <- rbind(imputed, data.frame(province_code = pr, region_code = rc, indicator = j, value = v))
  }
}

# min-max fitted on the reported values of the province, imputed values placed on the same scale
full <- rbind(tr[, c("province_code", "region_code", "indicator", "value")], imputed)
norm <- full
norm$value <- NA_real_
for (i in seq_len(nrow(full))) {
  y <- dirs[[full$indicator[i]]] * tr$value[tr$province_code == full$province_code[i] &
                                              tr$indicator == full$indicator[i]]
  if (max(y) > min(y)) {
    norm$value[i] <- P[["lower"]] + (P[["upper"]] - P[["lower"]]) *
      (dirs[[full$indicator[i]]] * full$value[i] - min(y)) / (max(y) - min(y))
  }
}
norm <- norm[!is.na(norm$value), ]
norm$w <- spec$weight[match(norm$indicator, spec$indicator)]
key <- paste(norm$province_code, norm$region_code, sep = "|")
num <- tapply(norm$w * norm$value, key, sum)
den <- tapply(norm$w, key, sum)
sc <- data.frame(province_code = sub("\\|.*", "", names(num)), region_code = sub(".*\\|", "", names(num)),
                 score = as.numeric(num / den[names(num)]))
sc$rank <- NA_integer_
for (g in split(seq_len(nrow(sc)), sc$province_code)) sc$rank[g] <- rank(-sc$score[g], ties.method = "min")

fmt <- function(df) { for (n in names(df)) if (is.double(df[[n]])) df[[n]] <- sprintf("%.17g", df[[n]]); df }
write.csv(fmt(tr[, c("province_code", "region_code", "indicator", "value")]), file.path(out, "transformed.csv"),
          row.names = FALSE)
write.csv(fmt(imputed), file.path(out, "imputed.csv"), row.names = FALSE)
write.csv(fmt(norm[, c("province_code", "region_code", "indicator", "value")]), file.path(out, "normalised.csv"),
          row.names = FALSE)
write.csv(fmt(sc), file.path(out, "scores.csv"), row.names = FALSE)
write.csv(data.frame(rho = sprintf("%.17g", rho)), file.path(out, "rho.csv"), row.names = FALSE)
