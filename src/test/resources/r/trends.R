# Independent trend statistics with base R only, for TrendMethodsAgreeWithRTest.
# Input CSV: series, t, y (numbers as hexadecimal floats, exact). Output CSV: one row per series,
# numbers as hexadecimal floats (sprintf %a), NA where R gives none.
# trend::sens.slope is not available, so its documented definition is re-implemented below, with the
# real t instead of the index 1..n.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c("character", "character", "character"))
d$t <- as.numeric(d$t)
d$y <- as.numeric(d$y)
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))

sens <- function(t, y, conf.level = 0.95) {
  n <- length(y)
  k <- 0
  dd <- rep(NA, n * (n - 1) / 2)
  for (i in 1:(n - 1)) for (j in (i + 1):n) { k <- k + 1; dd[k] <- (y[j] - y[i]) / (t[j] - t[i]) }
  ties <- table(y); names(ties) <- NULL
  varS <- (n * (n - 1) * (2 * n + 5) - sum(ties * (ties - 1) * (2 * ties + 5))) / 18
  C <- qnorm(1 - (1 - conf.level) / 2) * sqrt(varS)
  rank.up <- round((k + C) / 2 + 1)
  rank.lo <- round((k - C) / 2)
  rd <- sort(dd)
  b <- median(dd, na.rm = TRUE)
  lo <- if (rank.lo >= 1 && rank.lo <= k) rd[rank.lo] else NA
  up <- if (rank.up >= 1 && rank.up <= k) rd[rank.up] else NA
  c(slope = b, lo = lo, up = up, intercept = median(y) - b * median(t))
}

out <- do.call(rbind, lapply(split(d, d$series), function(s) {
  s <- s[order(s$t), ]
  t <- s$t; y <- s$y; n <- length(y)
  fit <- lm(y ~ t)
  ci <- suppressWarnings(confint(fit)["t", ])
  co <- suppressWarnings(summary(fit)$coefficients)
  ols.p <- if ("t" %in% rownames(co)) co["t", 4] else NA
  tau <- suppressWarnings(cor(t, y, method = "kendall"))
  ties <- any(duplicated(y)) || any(duplicated(t))
  p.exact <- if (!ties && n < 50) suppressWarnings(cor.test(t, y, method = "kendall", exact = TRUE)$p.value) else NA
  ct <- suppressWarnings(cor.test(t, y, method = "kendall", exact = FALSE, continuity = TRUE))
  S <- sum(sapply(1:n, function(j) sum(sign(t[j] - t[1:j]) * sign(y[j] - y[1:j]))))
  se <- sens(t, y)
  data.frame(series = s$series[1], n = n,
             ols_slope = hex(coef(fit)[["t"]]), ci_low = hex(ci[[1]]), ci_high = hex(ci[[2]]),
             ols_p = hex(ols.p), tau = hex(tau), mk_s = S,
             p_exact = hex(p.exact), z_normal = hex(unname(ct$statistic)), p_normal = hex(ct$p.value),
             sen_slope = hex(se[["slope"]]), sen_lo = hex(se[["lo"]]), sen_up = hex(se[["up"]]),
             sen_intercept = hex(se[["intercept"]]), median_y = hex(median(y)), mad_y = hex(mad(y, constant = 1)))
}))
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
