# How often does data that follows Benford's law exactly land in Nigrini's first-digit "nonconformity"
# band (MAD > 0.015), by the number of figures n? The answer sets benford.min_figures in
# jobs/statistics.yaml. Run: Rscript bench/benford-min-n.R
set.seed(1)
p <- log10(1 + 1 / (1:9))
cat("n  mean_MAD  P(MAD > 0.015)  P(MAD > 0.012)\n")
for (n in c(17, 50, 100, 200, 300, 400, 500, 600, 800, 1000)) {
  mads <- replicate(20000, { o <- tabulate(sample(1:9, n, TRUE, p), 9); mean(abs(o / n - p)) })
  cat(sprintf("%4d  %.4f  %.3f  %.3f\n", n, mean(mads), mean(mads > 0.015), mean(mads > 0.012)))
}
