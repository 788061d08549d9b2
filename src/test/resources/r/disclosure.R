# Independent disclosure index with base R only, for DisclosureAgreesWithRTest.
# Inputs: units CSV (unit, region_code, province_code, year, level, then one 0/1 column per catalog indicator),
# catalog CSV (code, domain), draws CSV (one row per bootstrap draw, one count per catalog indicator),
# quantiles lower and upper. Output: one row per unit: share (hex), domain shares (hex, one column each),
# rank, rank_p05, rank_median, rank_p95 (NA for units that are not counties).
args <- commandArgs(trailingOnly = TRUE)
units <- read.csv(args[1], colClasses = "character")
catalog <- read.csv(args[2], colClasses = "character")
draws <- as.matrix(read.csv(args[3]))
lower <- as.numeric(args[5]); upper <- as.numeric(args[6])
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))
d <- sapply(catalog$code, function(code) as.integer(units[[code]]))
d <- matrix(d, nrow = nrow(units))
k <- nrow(catalog)
share <- rowSums(d) / k
out <- data.frame(unit = units$unit, share = hex(share), rank = NA, rank_p05 = NA, rank_median = NA, rank_p95 = NA)
for (domain in sort(unique(catalog$domain))) {
  cols <- which(catalog$domain == domain)
  out[[paste0("domain_", domain)]] <- hex(rowSums(d[, cols, drop = FALSE]) / length(cols))
}
county <- units$level == "county"
groups <- split(which(county), paste(units$province_code, units$year)[county])
for (g in groups) {
  out$rank[g] <- rank(-share[g], ties.method = "min")
  drawn <- sapply(seq_len(nrow(draws)), function(b) rank(-(d[g, , drop = FALSE] %*% draws[b, ]) / k, ties.method = "min"))
  drawn <- matrix(drawn, nrow = length(g))
  out$rank_p05[g] <- apply(drawn, 1, quantile, probs = lower, type = 1, names = FALSE)
  out$rank_median[g] <- apply(drawn, 1, quantile, probs = 0.5, type = 1, names = FALSE)
  out$rank_p95[g] <- apply(drawn, 1, quantile, probs = upper, type = 1, names = FALSE)
}
write.csv(out, args[4], row.names = FALSE, quote = FALSE)
